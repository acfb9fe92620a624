"""Before-and-after checks: a later check names the earlier one it repeats in `compare_with`.

A self-assessment compares with an earlier self-assessment; a scale prompt with an earlier scale
prompt, named "worksheet-id/prompt-id". Two totals side by side mean something only when both
checks ask the same thing on the same scale, so the statements (ids, texts, reverse scoring) or
the question, and the ends of the scale, must be equal, and the earlier check must come first.
"""

from __future__ import annotations

from .errors import Problem, did_you_mean
from .models import ScalePrompt, SelfAssessment
from .validate import Validated


def comparison_problems(validated: list[Validated], position: dict[tuple[str, str], tuple]) -> list[Problem]:
    """Every `compare_with` that names no check, a check of another kind, one that differs or one
    that comes later. position: (kind, id) -> where the course first shows it, in teaching order."""
    exercises = {item.model.id: item for item in validated if item.source.kind == "exercise"}
    worksheets = {item.model.id: item for item in validated if item.source.kind == "worksheet"}
    problems = []
    for item in exercises.values():
        if isinstance(item.model, SelfAssessment) and item.model.compare_with:
            problems += _assessment_problems(item, exercises, position)
    for item in worksheets.values():
        for index, prompt in enumerate(item.model.prompts):
            if isinstance(prompt, ScalePrompt) and prompt.compare_with:
                problems += _scale_problems(item, index, worksheets, position)
    return problems


def _assessment_problems(item: Validated, exercises: dict, position: dict) -> list[Problem]:
    later, key = item.model, item.model.compare_with
    if key not in exercises or key == later.id:
        found = "it is this exercise" if key == later.id else f"no exercise has that id{did_you_mean(key, exercises)}"
        return [item.source.problem(("compare_with",), f"cannot compare with '{key}': {found}")]
    earlier = exercises[key].model
    if not isinstance(earlier, SelfAssessment):
        return [item.source.problem(("compare_with",), f"'{key}' is a {earlier.type} exercise; a "
                                    "self-assessment compares with another self-assessment")]
    problems = _same(item, (), later, earlier, f"'{key}'", ("scale_min", "scale_max"))
    if len(later.statements) != len(earlier.statements):
        return problems + [item.source.problem(("statements",), f"{len(later.statements)} statements, but "
                                               f"'{key}' has {len(earlier.statements)}: a comparison repeats "
                                               "the same statements")]
    for index, (mine, theirs) in enumerate(zip(later.statements, earlier.statements)):
        problems += _same(item, ("statements", index), mine, theirs, f"statement {index + 1} of '{key}'",
                          ("id", "text", "reverse"))
    return problems + _order(item, ("compare_with",), position.get(("exercise", later.id)),
                             position.get(("exercise", key)), key)


def _scale_problems(item: Validated, index: int, worksheets: dict, position: dict) -> list[Problem]:
    prompt, at = item.model.prompts[index], ("prompts", index, "compare_with")
    worksheet_id, prompt_id = prompt.compare_with.split("/")
    if worksheet_id not in worksheets:
        return [item.source.problem(at, f"no worksheet with id '{worksheet_id}'{did_you_mean(worksheet_id, worksheets)}")]
    prompts = [other.id for other in worksheets[worksheet_id].model.prompts]
    if prompt_id not in prompts or (worksheet_id, prompt_id) == (item.model.id, prompt.id):
        found = "it is this prompt" if prompt_id in prompts else f"no such prompt{did_you_mean(prompt_id, prompts)}"
        return [item.source.problem(at, f"cannot compare with '{prompt.compare_with}': {found}")]
    earlier = worksheets[worksheet_id].model.prompts[prompts.index(prompt_id)]
    if not isinstance(earlier, ScalePrompt):
        return [item.source.problem(at, f"'{prompt.compare_with}' is a {earlier.type} prompt; a scale "
                                    "compares with another scale")]
    here, there = position.get(("worksheet", item.model.id)), position.get(("worksheet", worksheet_id))
    return (_same(item, ("prompts", index), prompt, earlier, f"'{prompt.compare_with}'", ("label", "min", "max"))
            + _order(item, at, here and here + (index,), there and there + (prompts.index(prompt_id),),
                     prompt.compare_with))


def _same(item: Validated, base: tuple, model, earlier, name: str, fields: tuple) -> list[Problem]:
    return [item.source.problem(base + (field,), f"differs from {field} of {name} ({getattr(earlier, field)!r}): "
                                "a comparison asks the same thing on the same scale")
            for field in fields if getattr(model, field) != getattr(earlier, field)]


def _order(item: Validated, at: tuple, later: tuple | None, earlier: tuple | None, name: str) -> list[Problem]:
    if later is None or earlier is None or earlier < later:
        return []  # a check that no lesson shows is reported as unused
    return [item.source.problem(at, f"'{name}' comes after this check in the course (lesson {earlier[0]}, "
                                f"against lesson {later[0]}): compare with an earlier check")]

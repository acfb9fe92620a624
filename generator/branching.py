"""The step graph of a branching scenario: the checks that it is sound, and the paths through it.

Steps and endings share one set of ids; each choice's `next` names one of them. A sound scenario has
every step and ending reachable from the first step, no choice leading to its own step, and no path
that comes back to a step it has passed (so every path reaches an ending).
"""

from __future__ import annotations

from collections import deque

from .errors import Problem, did_you_mean
from .models import BranchingScenario
from .validate import Validated


def graph_problems(item: Validated) -> list[Problem]:
    """Every problem of the scenario's graph, each at the node it is about."""
    scenario: BranchingScenario = item.model
    problems: list[Problem] = []
    known: dict[str, tuple] = {}
    for group in ("steps", "endings"):
        for index, node in enumerate(getattr(scenario, group)):
            if node.id in known:
                first = "step" if known[node.id][0] == "steps" else "ending"
                problems.append(item.source.problem((group, index, "id"), f"duplicate id '{node.id}': "
                                                    f"a {first} already has it", hint="steps and endings "
                                                    "need ids of their own, for choices to lead to"))
            else:
                known[node.id] = (group, index)
    start = scenario.steps[0].id
    ids = list(known)
    for i, step in enumerate(scenario.steps):
        for j, choice in enumerate(step.choices):
            where = ("steps", i, "choices", j, "next")
            if choice.next == step.id:
                problems.append(item.source.problem(where, f"choice {j + 1} leads back to its own step "
                                                    f"'{step.id}'", hint="lead it to a later step or an "
                                                    "ending; learners go back with the Back button"))
            elif choice.next not in known:
                problems.append(item.source.problem(where, f"no step or ending with id '{choice.next}'"
                                                    f"{did_you_mean(choice.next, ids)}",
                                                    hint=f"steps and endings: {', '.join(ids)}"))
    problems += _loops(item, scenario, known)
    if any("no step or ending" in problem.message for problem in problems):
        return problems  # what a misspelt id cuts off would only echo that error
    reached = reachable(scenario)
    for group, noun in (("steps", "step"), ("endings", "ending")):
        for index, node in enumerate(getattr(scenario, group)):
            if node.id not in reached and known.get(node.id) == (group, index):
                problems.append(item.source.problem((group, index, "id"), f"{noun} '{node.id}' cannot be "
                                                    f"reached from the first step '{start}'",
                                                    hint=f"make a choice lead to it (next: {node.id}), "
                                                         "or remove it"))
    return problems


def _loops(item: Validated, scenario: BranchingScenario, known: dict) -> list[Problem]:
    """A choice that leads back to an earlier step of the same path: that path would never end."""
    steps = {step.id: (index, step) for index, step in enumerate(scenario.steps)}
    problems, state = [], {}  # state: "open" while on the current path, "done" once explored

    def visit(step_id: str) -> None:
        state[step_id] = "open"
        index, step = steps[step_id]
        for j, choice in enumerate(step.choices):
            target = choice.next
            if target == step_id or target not in steps:
                continue  # reported as its own step or an unknown id
            if state.get(target) == "open":
                problems.append(item.source.problem(
                    ("steps", index, "choices", j, "next"),
                    f"choice {j + 1} of step '{step_id}' leads back to '{target}', earlier on the same "
                    "path: that path would never reach an ending",
                    hint="lead it to a later step or an ending; learners go back with the Back button"))
            elif target not in state:
                visit(target)
        state[step_id] = "done"

    visit(scenario.steps[0].id)
    return problems


def reachable(scenario: BranchingScenario) -> set[str]:
    """Ids of the steps and endings some path from the first step reaches."""
    steps = {step.id: step for step in scenario.steps}
    seen, queue = {scenario.steps[0].id}, deque([scenario.steps[0].id])
    while queue:
        step = steps.get(queue.popleft())
        for choice in step.choices if step else ():
            if choice.next not in seen:
                seen.add(choice.next)
                queue.append(choice.next)
    return seen


def best_path(scenario: BranchingScenario) -> list[tuple[int, int]]:
    """The shortest path from the first step to a 'best' ending, as (step index, choice index) pairs;
    ties go to the earlier choice. Empty if no best ending can be reached."""
    index_of = {step.id: index for index, step in enumerate(scenario.steps)}
    best = {ending.id for ending in scenario.endings if ending.verdict == "best"}
    came_from: dict[str, tuple[int, int] | None] = {scenario.steps[0].id: None}
    queue = deque([scenario.steps[0].id])
    while queue:
        step_index = index_of[queue.popleft()]
        for choice_index, choice in enumerate(scenario.steps[step_index].choices):
            if choice.next in came_from:
                continue
            came_from[choice.next] = (step_index, choice_index)
            if choice.next in best:
                return _walk_back(scenario, came_from, choice.next)
            if choice.next in index_of:
                queue.append(choice.next)
    return []


def _walk_back(scenario: BranchingScenario, came_from: dict, node: str) -> list[tuple[int, int]]:
    path = []
    while came_from[node] is not None:
        step_index, choice_index = came_from[node]
        path.append((step_index, choice_index))
        node = scenario.steps[step_index].id
    return path[::-1]


def longest_path(scenario: BranchingScenario) -> int:
    """The most steps any path from the first step passes through (the graph has no loops)."""
    steps = {step.id: step for step in scenario.steps}
    memo: dict[str, int] = {}

    def depth(step_id: str, trail: frozenset) -> int:
        if step_id not in steps or step_id in trail:
            return 0
        if step_id not in memo:
            memo[step_id] = 1 + max(depth(choice.next, trail | {step_id}) for choice in steps[step_id].choices)
        return memo[step_id]

    return depth(scenario.steps[0].id, frozenset())


def numbering(scenario: BranchingScenario) -> dict:
    """What pages number: steps and endings from 1 by id, the best path, and the ending it reaches."""
    path = best_path(scenario)
    step_number = {step.id: number for number, step in enumerate(scenario.steps, start=1)}
    ending_number = {ending.id: number for number, ending in enumerate(scenario.endings, start=1)}
    last_step, last_choice = path[-1]
    return {"step": step_number, "ending": ending_number, "path": path,
            "best_ending": ending_number[scenario.steps[last_step].choices[last_choice].next]}

/* Filled in by the learner-side and print work. */

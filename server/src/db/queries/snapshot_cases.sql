-- Every open case, for a screen's starting state.
SELECT summary FROM case_public WHERE state <> 'closed' ORDER BY id

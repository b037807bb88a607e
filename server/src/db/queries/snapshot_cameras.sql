-- Every camera and its state, for a screen's starting state.
SELECT summary FROM camera_public ORDER BY id

"""Files: models, projects and exports. Never imports Textual."""

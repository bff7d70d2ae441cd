"""HTML pages over `biennien.query`: server-rendered Jinja templates, our own small CSS and JS."""

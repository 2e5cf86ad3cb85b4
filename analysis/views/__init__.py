"""Tables and charts for the report notebooks: one module per notebook, data in, HTML or
matplotlib figures out. Notebooks call these; they hold no logic of their own."""

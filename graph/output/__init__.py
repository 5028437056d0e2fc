"""What users read: result tables, the HTML page, static pictures and the briefing report."""

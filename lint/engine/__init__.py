"""What plancheck does to one text: find every rule's hits (check) and fix until stable (the fix loop),
with the document model, the prefilter and suppressions. Pure: it receives a compiled rule set and
text, and returns findings and fixed text; it imports nothing from run/, cli/, output/ or config/."""

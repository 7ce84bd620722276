"""Reading signed documents (text export, Word) into the rows of the package."""

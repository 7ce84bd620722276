"""The rules of the domain, shared by every step: identifiers, targets, capaian, printed text, entities."""

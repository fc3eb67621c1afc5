"""Forms by domain: articles (upload), review (queue filters, the claim workflow, approvals)."""

"""Multi-model writes, one module per domain (as Zulip's zerver/actions/).

- extraction: upload, enqueue, the extraction lifecycle of an article;
- review: the claim workflow, from take to approval.

Each function is one transaction and leaves history behind (ReviewEvent).
"""

"""Roles are Django groups carrying our custom permissions.

Views ask about permissions, never group names, so an admin can give a
single user a capability without changing their group.
"""

from __future__ import annotations

from typing import Any

EDITORS = "Editors"
REVIEWERS = "Reviewers"

REVIEW_PERM = "factcheck.review_claim"
APPROVE_PERM = "factcheck.approve_claim"
UPLOAD_PERM = "factcheck.add_article"


def is_reviewer(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(REVIEW_PERM))


def is_editor(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(APPROVE_PERM))


def can_upload(user: Any) -> bool:
    return bool(user.is_authenticated and user.has_perm(UPLOAD_PERM))


def is_staff_member(user: Any) -> bool:
    """Anyone with a newsroom role; an authenticated outsider has none."""
    return is_reviewer(user) or is_editor(user)

"""Query logic: what a user may see and the queue's filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from factcheck import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    AnyUser = AbstractBaseUser | AnonymousUser


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> ArticleQuerySet:
        """Newsroom staff (editors, reviewers) see every article; others none."""
        if roles.is_staff_member(user):
            return self
        return self.none()

    def published(self) -> ArticleQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)


class ClaimQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> ClaimQuerySet:
        if roles.is_staff_member(user):
            return self
        return self.none()

    def pending(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.PENDING)

    def submitted(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.SUBMITTED)

    def for_reviewer(self, user: AnyUser) -> ClaimQuerySet:
        return self.filter(assignee=user)

    def open(self) -> ClaimQuerySet:
        """Claims that still need work before the article is checked."""
        return self.exclude(status__in=[self.model.Status.APPROVED, self.model.Status.DISMISSED])

    def with_context(self) -> ClaimQuerySet:
        """Everything a list of claims displays, in a fixed number of queries."""
        return self.select_related("article", "assignee", "verdict")

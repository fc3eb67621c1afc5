"""Load demo users and the demo article, and extract it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from factcheck import roles
from factcheck.actions.extraction import submit_article
from factcheck.models import Article, content_hash

DEMO_ARTICLE = Path(__file__).resolve().parents[2] / "data" / "demo_article.json"

# username, password, group (None: superuser)
DEMO_USERS = [
    ("admin", "admin-demo-2026", None),
    ("editor", "editor-demo-2026", roles.EDITORS),
    ("reviewer", "reviewer-demo-2026", roles.REVIEWERS),
]


class Command(BaseCommand):
    help = "Create the demo users (admin, editor, reviewer) and the extracted demo article."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--sync", action="store_true", help="extract in this process instead of the worker"
        )

    def handle(self, *args: Any, sync: bool = False, **options: Any) -> None:
        with transaction.atomic():
            for username, password, group in DEMO_USERS:
                self._ensure_user(username, password, group)
            article = self._ensure_article()
        if sync:
            from factcheck.tasks import extract_article

            extract_article(article.pk)
            article.refresh_from_db()
        self.stdout.write(
            f"Demo article: {article.title[:60]}... ({article.status}) "
            f"/articles/{article.uuid}/"
        )

    def _ensure_user(self, username: str, password: str, group: str | None) -> None:
        user, created = get_user_model().objects.get_or_create(username=username)
        if created:
            user.set_password(password)
            user.is_staff = group is None
            user.is_superuser = group is None
            user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        state = f"password: {password}" if created else "already there, password unchanged"
        self.stdout.write(f"User {username!r} ({group or 'superuser'}), {state}")

    def _ensure_article(self) -> Article:
        try:
            data = json.loads(DEMO_ARTICLE.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the demo article {DEMO_ARTICLE}: {exc}") from exc
        existing = Article.objects.filter(content_hash=content_hash(data["text"])).first()
        if existing:
            return existing
        return submit_article(
            title=data["title"],
            body=data["text"],
            requested_language=data["lang"],
            published_on=dt.date.fromisoformat(data["published"] + "-01"),
            published_precision=Article.DatePrecision.MONTH,
            outlet=data["outlet"],
            uploaded_by=get_user_model().objects.get(username="editor"),
        )

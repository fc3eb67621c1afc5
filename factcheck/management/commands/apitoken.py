"""`manage.py apitoken USERNAME [--name NAME]`: print a new API token for scripts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck import roles
from factcheck.api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print it (it is not stored, only its hash)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="manage.py apitoken",
                            help="What the token is for, shown in the lists.")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive: a token would not work.")
        if not roles.is_staff_member(user):
            self.stderr.write(f"Warning: {username!r} has no newsroom role; the API will "
                              "refuse most requests with 403.")
        _token, raw = ApiToken.issue(user, name[:100])
        self.stdout.write(raw)

"""/api/v1/ endpoints: thin views over forms, access.py lookups and actions."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    throttle_classes,
)
from rest_framework.request import Request
from rest_framework.response import Response

from factcheck import roles
from factcheck.access import get_article_for
from factcheck.actions import articles as article_actions
from factcheck.api.errors import problem, problem_responses
from factcheck.api.forms import ArticleApiForm, payload_errors
from factcheck.api.serializers import (
    ArticleInput,
    ArticleOut,
    ClaimFilters,
    ClaimOut,
    ClaimPage,
    FactCheckFilters,
    FactCheckOut,
    FactCheckPage,
)
from factcheck.models import Article, Claim, Organisation
from factcheck.pagination import KeysetPage, fact_check_key, parse_fact_check_key, parse_key
from factcheck.views.public import base_url


def role(check: Any) -> type[permissions.BasePermission]:
    """A DRF permission from a role check of factcheck.roles (403 when it fails)."""

    class Role(permissions.BasePermission):
        message = gettext_lazy("Your role does not allow this.")

        def has_permission(self, request: Request, view: Any) -> bool:
            return check(request.user)

    Role.__name__ = f"Role_{check.__name__}"
    return Role


def unknown_parameters(request: Request, known: Any = ()) -> Response | None:
    """400 for a query parameter the operation does not take: a typo must not pass silently
    (a misspelt filter would list every claim)."""
    unknown = sorted(set(request.query_params) - set(known))
    if not unknown:
        return None
    return problem(400, _("The request has invalid parameters: see errors."),
                   {name: [_("Unknown parameter.")] for name in unknown})


@extend_schema(
    operation_id="articles_create",
    summary="Send an article",
    description=(
        "Creates the article and queues its extraction. Sent again with the same "
        "`external_id`, the existing article comes back (200): unchanged when every field "
        "is the same, else updated (a new text is extracted again; reviewers' work on "
        "claims still in the text is kept; a published article is not changed: 409)."
    ),
    request=ArticleInput,
    responses={201: ArticleOut, 200: ArticleOut,
               **problem_responses(400, 401, 403, 409, 413, 429)},
)
@api_view(["POST"])
@permission_classes([permissions.IsAuthenticated, role(roles.can_upload)])
def articles(request: Request) -> Response:
    if refused := unknown_parameters(request):
        return refused
    errors = payload_errors(request.data)
    if errors:
        return problem(400, _("The request has invalid fields: see errors."), errors)
    form = ArticleApiForm(request.data)
    if not form.is_valid():
        if form.too_long():
            return problem(413, " ".join(form.api_errors()["text"]))
        return problem(400, _("The request has invalid fields: see errors."), form.api_errors())
    external_id = (request.data.get("external_id") or "").strip() or None
    try:
        article, outcome = article_actions.receive_article(
            request.user, external_id=external_id, **form.article_fields()
        )
    except article_actions.NotAllowed as exc:
        return problem(403, str(exc))
    except article_actions.PublishedTextLocked as exc:
        return problem(409, str(exc))
    body = ArticleOut(article, context={"request": request}).data
    if outcome == article_actions.Received.CREATED:
        location = reverse("api:article", kwargs={"uuid": article.uuid})
        return Response(body, status=201, headers={"Location": location})
    return Response(body)


@extend_schema(
    operation_id="articles_retrieve",
    summary="Read an article, its status and its claims",
    parameters=[OpenApiParameter("uuid", OpenApiTypes.UUID, OpenApiParameter.PATH)],
    responses={200: ArticleOut, **problem_responses(401, 403, 404, 429)},
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated, role(roles.is_staff_member)])
def article(request: Request, uuid: str) -> Response:
    if refused := unknown_parameters(request):
        return refused
    found = get_article_for(request, uuid)
    return Response(ArticleOut(found, context={"request": request}).data)


@extend_schema(
    operation_id="claims_list",
    summary="List claims with the queue's filters",
    description=(
        "Claims of articles not archived, a page at a time in the `sort` order. "
        "Follow `next` (or `previous`) as given: it carries the filters and the position."
    ),
    parameters=[ClaimFilters],
    responses={200: ClaimPage, **problem_responses(400, 401, 403, 429)},
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated, role(roles.is_staff_member)])
def claims(request: Request) -> Response:
    # A plain dict, not the QueryDict: DRF would read "kind=" as "absent" from a QueryDict,
    # and an empty value is not a kind.
    if refused := unknown_parameters(request, ClaimFilters().fields):
        return refused
    filters = ClaimFilters(data=request.query_params.dict())
    if not filters.is_valid():
        return problem(400, _("The request has invalid parameters: see errors."),
                       {name: [str(m) for m in messages]
                        for name, messages in filters.errors.items()})
    data = filters.validated_data
    sort = data["sort"]
    for cursor in ("after", "before"):
        if cursor in data and parse_key(data[cursor], sort) is None:
            return problem(400, _("The request has invalid parameters: see errors."),
                           {cursor: [_("Not a position of this sort: use the links given.")]})
    article_filter = None
    if "article" in data:
        article_filter = Article.objects.visible_to(request.user).filter(
            uuid=data["article"]).first()
        if article_filter is None:
            return problem(400, _("The request has invalid parameters: see errors."),
                           {"article": [_("No such article.")]})
    rows = (
        Claim.objects.visible_to(request.user)
        .queue_filter(kind=data.get("kind", ""), language=data.get("language", ""),
                      status=data.get("status", ""), article=article_filter,
                      assignee=request.user if data["mine"] else None)
        .select_related("article", "assignee", "verdict")
        .defer("article__body")
    )
    page = KeysetPage.load(rows, sort, data, size=data["limit"])
    return Response({
        "results": ClaimOut(page.rows, many=True).data,
        "next": _page_link(request, "after", page.next_key) if page.has_next else None,
        "previous": (_page_link(request, "before", page.previous_key)
                     if page.has_previous else None),
    })


def _page_link(request: Request, cursor: str, key: str) -> str:
    params = request.query_params.copy()
    for name in ("after", "before", "page"):
        params.pop(name, None)
    params[cursor] = key
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@extend_schema(
    operation_id="fact_checks_list",
    summary="List published fact-checks with their ClaimReview data",
    description=(
        "Published fact-checks, newest first publication first, each with one schema.org "
        "ClaimReview per published claim (what the public pages embed). Any valid token "
        "reads them: the data is public. Follow `next` as given until it is null."
    ),
    parameters=[FactCheckFilters],
    responses={200: FactCheckPage, **problem_responses(400, 401, 429)},
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def fact_checks(request: Request) -> Response:
    if refused := unknown_parameters(request, FactCheckFilters().fields):
        return refused
    filters = FactCheckFilters(data=request.query_params.dict())
    if not filters.is_valid():
        return problem(400, _("The request has invalid parameters: see errors."),
                       {name: [str(m) for m in messages]
                        for name, messages in filters.errors.items()})
    data, rows = filters.validated_data, Article.objects.public()
    if "after" in data:
        key = parse_fact_check_key(data["after"])
        if key is None:
            return problem(400, _("The request has invalid parameters: see errors."),
                           {"after": [_("Not a position in this list: use the links given.")]})
        rows = Article.objects.public_after(*key)
    found = list(
        rows.defer("body").prefetch_related(
            Prefetch("claims", queryset=Claim.objects.public(), to_attr="public_claims")
        )[: data["limit"] + 1]
    )
    page = found[: data["limit"]]
    context = {"base_url": base_url(request), "organisation": Organisation.current()}
    more = len(found) > len(page)
    return Response({
        "results": FactCheckOut(page, many=True, context=context).data,
        "next": _page_link(request, "after", fact_check_key(page[-1])) if more else None,
    })


@extend_schema(
    operation_id="fact_checks_retrieve",
    summary="Read a published fact-check with its ClaimReview data",
    description=(
        "404 for a slug never published; 410 for a fact-check taken down, with the reason "
        "in `detail` (as its public page says)."
    ),
    responses={200: FactCheckOut, **problem_responses(401, 404, 410, 429)},
)
@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def fact_check(request: Request, slug: str) -> Response:
    if refused := unknown_parameters(request):
        return refused
    found = Article.objects.filter(slug=slug).defer("body").first()
    if found is None or found.first_published_at is None:
        return problem(404, _("No published fact-check has this slug."))
    if found.status != Article.Status.PUBLISHED:
        return problem(410, _("This fact-check was unpublished: %(reason)s")
                       % {"reason": found.unpublish_reason})
    return Response(FactCheckOut(found, context={"base_url": base_url(request)}).data)


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI over /api/v1/schema/, from vendored files (static/vendor/swagger-ui/)."""
    return render(request, "factcheck/api_docs.html", {"schema_url": reverse("api:schema")})



@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@authentication_classes([])
@permission_classes([])
@throttle_classes([])
def not_found(request: Request) -> Response:
    return problem(404, _("There is no such API endpoint: see /api/v1/docs/."))

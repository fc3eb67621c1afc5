"""Bulk import: the command, the Import page, and the batch extraction tasks.

The files are real JSONL, CSV and zip files (with real .docx inside); the
extraction runs in the real Celery worker on PostgreSQL and Redis.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from factcheck import imports
from factcheck.actions import extraction as extraction_actions
from factcheck.actions import imports as import_actions
from factcheck.extraction import extract
from factcheck.models import Article, Claim, ImportJob, ImportRow, ReviewEvent
from factcheck.tasks import extract_articles
from tests.celery_worker import FAULT_MARKER
from tests.conftest import wait_for
from tests.factories import login
from tests.upload_files import make_broken_docx, make_docx, make_docx_bomb

TEXT = (
    "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12 et 5 abstentions. "
    "Les deux dirigeants se sont rencontrés à trois reprises en 2018."
)


def article_row(n: int, **fields) -> dict:
    return {"title": f"Dépêche {n}", "text": f"{TEXT} Dépêche numéro {n}.",
            "published": "2024-11-20", "language": "fr", "external_id": f"cms-{n}"} | fields


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


def run_command(path: Path, **options) -> tuple[str, str, CommandError | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("importarticles", str(path), stdout=out, stderr=err, **options)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


def refused(job: ImportJob) -> dict[int, str]:
    return dict(job.rows.filter(outcome=ImportRow.Outcome.ERROR).values_list("line", "message"))


def settled(ids) -> bool:
    return not Article.objects.filter(pk__in=list(ids), extraction_queued_at__isnull=False).exists()


MIXED_JSONL = [
    article_row(1),
    "{not json",
    article_row(3, title=""),
    article_row(4, published="20/11/2024"),
    "",  # blank lines are skipped, and still counted as lines
    article_row(6, colour="red"),
    article_row(7, text="x" * 200_001),
    article_row(8, published="2024-11", external_id=None),
    ["a", "list"],
    article_row(10, language="de"),
]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_jsonl_with_good_and_bad_rows(celery_worker, editor, tmp_path):
    """Good rows become articles the worker extracts; each bad row is reported with its line
    and reason, and never stops the rows after it."""
    path = write_jsonl(tmp_path / "archive.jsonl", MIXED_JSONL)
    out, err, error = run_command(path, user=editor.username)

    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE
    assert (job.rows_total, job.rows_done, job.created_count, job.error_count) == (9, 9, 2, 7)
    reasons = refused(job)
    assert sorted(reasons) == [2, 3, 4, 6, 7, 9, 10]
    assert "not valid JSON" in reasons[2]
    assert reasons[3].startswith("Title:")
    assert "YYYY-MM-DD" in reasons[4]
    assert "“colour”" in reasons[6]
    assert "200000" in reasons[7] or "200,000" in reasons[7]
    assert "JSON object" in reasons[9]
    assert reasons[10].startswith("Language:")
    assert "archive.jsonl:2: This line is not valid JSON" in err
    assert "2 created" in out and "7 refused" in out
    assert isinstance(error, CommandError) and "7 rows refused" in str(error)

    first = Article.objects.get(external_id="cms-1")
    monthly = Article.objects.get(title="Dépêche 8")
    assert monthly.external_id is None
    assert (monthly.published_on.isoformat(), monthly.published_precision) == ("2024-11-01",
                                                                               "month")
    assert first.uploaded_by == editor and first.requested_language == "fr"
    wait_for(lambda: settled([first.pk, monthly.pk]), timeout=30)
    first.refresh_from_db()
    assert first.status == Article.Status.IN_REVIEW
    assert first.claims.filter(kind="vote_result").exists()
    assert first.events.filter(action=ReviewEvent.Action.EXTRACTED).count() == 1


@pytest.mark.django_db
def test_running_the_same_file_again_creates_nothing_twice(
    tmp_path, django_capture_on_commit_callbacks
):
    """external_id finds the rows with one; the content hash finds the rows without."""
    rows = [article_row(1), article_row(2, external_id=None), article_row(3)]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    with django_capture_on_commit_callbacks():  # no broker needed: extraction not the point
        run_command(path)
        run_command(path)
    assert Article.objects.count() == 3
    second = ImportJob.objects.order_by("pk").last()
    assert (second.created_count, second.skipped_count, second.error_count) == (0, 3, 0)
    outcomes = dict(second.rows.values_list("line", "message"))
    assert outcomes[1] == "Already imported, unchanged."
    assert outcomes[2] == "An article with the same text is there already."
    assert set(second.rows.values_list("article", flat=True)) == set(
        Article.objects.values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_a_file_repeating_a_row_creates_it_once(tmp_path, django_capture_on_commit_callbacks):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1), article_row(1), article_row(2)])
    with django_capture_on_commit_callbacks():
        run_command(path)
    job = ImportJob.objects.get()
    assert Article.objects.count() == 2
    assert job.rows.get(line=2).message == "Same article as line 1."


@pytest.mark.django_db
def test_an_editors_import_updates_a_changed_article_and_keeps_reviewer_work(
    tmp_path, editor, reviewer, django_capture_on_commit_callbacks
):
    """The same external_id with a changed text is an edit: the claims whose words stay keep
    their reviewer work, and the article is extracted again."""
    from factcheck.actions import review

    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1)])
    with django_capture_on_commit_callbacks():
        run_command(path, user=editor.username)
    article = Article.objects.get()
    extraction_actions.apply_extraction(article.pk, extract(article.body, lang="fr"), "fr")
    claim = article.claims.get(kind="vote_result")
    review.take_claim(claim, reviewer)

    changed = article_row(1, text=f"Mise à jour. {article_row(1)['text']}")
    write_jsonl(path, [changed])
    with django_capture_on_commit_callbacks():
        run_command(path, user=editor.username)
    job = ImportJob.objects.order_by("pk").last()
    assert (job.created_count, job.updated_count) == (0, 1)
    assert job.rows.get().message == "Updated: text."
    article.refresh_from_db()
    claim.refresh_from_db()
    assert article.body == changed["text"] and article.extraction_queued_at is not None
    assert claim.assignee == reviewer and article.body[claim.start:claim.end] == claim.text

    # Without an editor, the import refuses to change it and says why.
    write_jsonl(path, [article_row(1, title="Autre titre")])
    with django_capture_on_commit_callbacks():
        run_command(path)
    assert "only an editor" in ImportJob.objects.order_by("pk").last().rows.get().message
    assert Article.objects.get().title == "Dépêche 1"


@pytest.mark.django_db
def test_csv_rows_are_validated_like_uploads(tmp_path, django_capture_on_commit_callbacks):
    text = TEXT.replace("Les deux", "Les\ndeux")  # a field over two lines, quoted
    path = tmp_path / "articles.csv"
    path.write_bytes(
        "\ufefftitle,text,published,language,outlet,external_id\n"
        f'Dépêche 1,"{text}",2024-11-20,fr,Le Monde,c1\n'
        "Dépêche 2,Trop court,2024-13-01,fr,,c2\n"
        "Dépêche 3,deux,valeurs\n"
        "\n".encode()
        + "Dépêche 4,Texte en cp1252 : été,2024-11-20,fr,,c4\n".encode("cp1252")
        + f"Dépêche 5,{TEXT.replace(',', '')},2024-11-20,,,c5\n".encode()
    )
    with django_capture_on_commit_callbacks():
        run_command(path)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE
    assert set(Article.objects.values_list("external_id", flat=True)) == {"c1", "c5"}
    assert Article.objects.get(external_id="c1").body == text
    assert Article.objects.get(external_id="c1").outlet == "Le Monde"
    reasons = refused(job)
    assert sorted(reasons) == [4, 5, 7]  # the record of line 2 spans lines 2-3
    assert "Publication date" in reasons[4]
    assert "3 values" in reasons[5]
    assert "UTF-8" in reasons[7]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("a.csv", b"title,txt\nA,B\n", "Unknown field “txt”"),
        ("a.csv", b"title,outlet\nA,B\n", "no “text” column"),
        ("a.csv", "title,text\nÉté,été\n".encode("cp1252"), "not UTF-8"),
        ("a.jsonl", "\n".join(["{}"] * 3).encode("utf-16"), "UTF-16"),
        ("a.jsonl", b"", "empty"),
        ("a.zip", b"title,text\nA,B\n", "not a valid zip"),
        ("a.jsonl", b"PK\x03\x04" + b"\x00" * 40, "zip archive"),
        ("a.xlsx", b"whatever", "Unsupported import file"),
        ("a.jsonl", b"\x7fELF\x00\x00\x00binary", "binary"),
    ],
)
@pytest.mark.django_db
def test_a_file_that_cannot_be_imported_gets_a_clear_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    _out, _err, error = run_command(path)
    assert error is not None and reason in str(error)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and reason in job.failure_reason
    assert not Article.objects.exists()


def make_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_zip_with_a_malformed_docx(celery_worker, tmp_path):
    """Each file is read like an upload: the malformed .docx, the bomb and the unsupported
    file are refused with their reason; the others are imported and extracted."""
    path = tmp_path / "archive.zip"
    path.write_bytes(make_zip({
        "2024/vote-du-senat.docx": make_docx(*TEXT.split(". ")),
        "2024/cassé.docx": make_broken_docx(),
        "2024/notes.txt": TEXT.encode(),
        "bombe.docx": make_docx_bomb(inflated_bytes=200 * 1024 * 1024),
        "photo.png": b"\x89PNG\r\n\x1a\n",
        "__MACOSX/._notes.txt": b"resource fork",
        "vide/": b"",
    }))
    _out, err, error = run_command(path)
    assert "3 rows refused" in str(error)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE and job.rows_total == 5
    assert (job.created_count, job.error_count) == (2, 3)
    names = dict(job.rows.values_list("name", "message"))
    assert names["2024/cassé.docx"] == "File: This Word file is damaged or not a .docx document."
    assert "zip bomb" in names["bombe.docx"]
    assert "Unsupported file type" in names["photo.png"]
    assert "archive.zip:2 (2024/cassé.docx): File: This Word file is damaged" in err
    docx_article = Article.objects.get(title="vote du senat")
    assert "289 voix contre 12" in docx_article.body
    wait_for(lambda: settled(Article.objects.values_list("pk", flat=True)), timeout=30)
    assert Claim.objects.filter(article=docx_article, kind="vote_result").exists()


@pytest.mark.django_db
def test_an_import_that_starts_again_goes_on_after_its_last_chunk(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    """A worker that dies mid-import: the task runs again and skips the committed chunks."""
    monkeypatch.setattr(import_actions, "CHUNK_ROWS", 2)
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(n) for n in range(1, 6)])
    job = ImportJob.objects.create(filename="a.jsonl")
    calls = []
    real = import_actions.import_chunk

    def dies_on_the_second_chunk(job, rows):
        calls.append(1)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        real(job, rows)

    monkeypatch.setattr(import_actions, "import_chunk", dies_on_the_second_chunk)
    with django_capture_on_commit_callbacks(), path.open("rb") as source:
        with pytest.raises(SystemExit):
            import_actions.run_import(job.pk, source=source)
        job.refresh_from_db()
        assert (job.status, job.rows_done) == (ImportJob.Status.RUNNING, 2)
        import_actions.run_import(job.pk, source=source)
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.created_count) == (ImportJob.Status.DONE, 5, 5)
    assert sorted(job.rows.values_list("line", flat=True)) == [1, 2, 3, 4, 5]
    assert Article.objects.count() == 5


def test_title_from_filename():
    assert imports.title_from_filename("vote-du_budget  2024.docx") == "vote du budget 2024"


# Batch extraction tasks


def pending_articles(count: int, **fields) -> list[Article]:
    now = timezone.now()
    return Article.objects.bulk_create([
        Article(title=f"Dépêche {n}", body=f"{TEXT} Dépêche {n}.", requested_language="fr",
                extraction_queued_at=now, **fields)
        for n in range(count)
    ])


def extracted(article: Article) -> list:
    return [extraction_actions.Extraction(article.pk, extract(article.body, lang="fr"), "fr",
                                          article.extraction_queued_at)]


@pytest.mark.django_db
def test_a_batch_write_takes_the_same_queries_for_5_or_50_articles():
    """One query per batch where the single task takes one per article."""
    def queries(count: int) -> int:
        batch = [e for article in pending_articles(count) for e in extracted(article)]
        with CaptureQueriesContext(connection) as captured:
            extraction_actions.apply_extractions(batch)
        return len(captured)

    assert queries(5) == queries(50) <= 10
    assert Claim.objects.count() == 55 * len(extract(f"{TEXT} Dépêche 1.", lang="fr"))
    assert not Article.objects.filter(extraction_queued_at__isnull=False).exists()
    assert ReviewEvent.objects.filter(action=ReviewEvent.Action.EXTRACTED).count() == 55


@pytest.mark.django_db
def test_claims_a_batch_writes_are_whole_rows():
    """The batch writes claims by COPY: each row still gets its defaults, its timestamps,
    its sentence and the search vector the trigger keeps, as a single insert would."""
    from factcheck.search import claims_matching

    (article,) = pending_articles(1)
    (extraction,) = extracted(article)
    extraction_actions.apply_extractions([extraction])
    claims = list(article.claims.order_by("start"))
    assert [(c.kind, c.start, c.end, c.extracted_value) for c in claims] == [
        (found.kind, found.start, found.end, found.value) for found in extraction.claims
    ]
    assert len({c.uuid for c in claims}) == len(claims)
    for claim in claims:
        assert claim.status == Claim.Status.PENDING and claim.version == 1
        assert claim.created_at is not None and claim.updated_at is not None
        assert claim.sentence_text == article.body[claim.sentence_start : claim.sentence_end]
    in_first_sentence = [c for c in claims if "adopté" in c.sentence_text]
    assert in_first_sentence and len(in_first_sentence) < len(claims)
    assert set(claims_matching(Claim.objects.all(), "adopté")) == set(in_first_sentence)


@pytest.mark.django_db
def test_a_batch_keeps_reviewer_work_and_skips_superseded_articles(reviewer):
    from factcheck.actions import review

    done, superseded, published = pending_articles(3)
    Article.objects.filter(pk=published.pk).update(status=Article.Status.PUBLISHED)
    extraction_actions.apply_extractions(extracted(done))
    claim = done.claims.get(kind="vote_result")
    review.take_claim(claim, reviewer)
    ids = set(done.claims.values_list("pk", flat=True))

    Article.objects.filter(pk=done.pk).update(extraction_queued_at=timezone.now())
    done.refresh_from_db()
    batch = extracted(done) + extracted(superseded) + extracted(published)
    Article.objects.filter(pk=superseded.pk).update(extraction_queued_at=timezone.now())
    outcomes = extraction_actions.apply_extractions(batch)
    assert outcomes == {done.pk: "done", superseded.pk: "superseded",
                        published.pk: "published"}
    assert set(done.claims.values_list("pk", flat=True)) == ids
    claim.refresh_from_db()
    assert claim.assignee == reviewer
    assert not superseded.claims.exists()
    # Readers see a published article's claims: the batch leaves them, and drops the mark.
    published.refresh_from_db()
    assert published.status == Article.Status.PUBLISHED and not published.claims.exists()
    assert published.extraction_queued_at is None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_batch_task_in_the_worker_fails_a_bad_article_alone_and_is_safe_twice(celery_worker):
    articles = pending_articles(4)
    bad = Article.objects.create(title="Bogue", body=f"{TEXT} {FAULT_MARKER}",
                                 requested_language="fr", extraction_queued_at=timezone.now())
    ids = [a.pk for a in articles] + [bad.pk]
    extract_articles.delay(ids)
    wait_for(lambda: settled(ids), timeout=30)
    bad.refresh_from_db()
    assert bad.status == Article.Status.FAILED and "TypeError" in bad.failure_reason
    good = Article.objects.filter(pk__in=[a.pk for a in articles])
    assert set(good.values_list("status", flat=True)) == {Article.Status.IN_REVIEW}
    claims = sorted(Claim.objects.filter(article__in=good).values_list("pk", "start"))

    extract_articles.delay(ids)  # a duplicate message finds nothing pending
    probe = pending_articles(1)[0]
    extract_articles.delay([probe.pk])
    wait_for(lambda: settled([probe.pk]), timeout=30)  # one worker process: the duplicate ran
    assert sorted(Claim.objects.filter(article__in=good).values_list("pk", "start")) == claims
    assert ReviewEvent.objects.filter(article__in=good,
                                      action=ReviewEvent.Action.EXTRACTED).count() == 4


# The Import page


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_import_page_runs_the_import_in_the_worker(celery_worker, editor):
    client = login(editor)
    lines = [json.dumps(article_row(1)), "{broken", json.dumps(article_row(3))]
    upload = SimpleUploadedFile("cms.jsonl", "\n".join(lines).encode())
    response = client.post(reverse("factcheck:imports"), {"file": upload})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.uploaded_by == editor and job.file.name.endswith(".jsonl")

    wait_for(lambda: ImportJob.objects.filter(pk=job.pk, status="done").exists(), timeout=30)
    ids = Article.objects.values_list("pk", flat=True)
    wait_for(lambda: settled(ids), timeout=30)
    partial = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert partial.status_code == 286  # htmx stops polling: imported and extracted
    page = client.get(job.get_absolute_url()).content.decode()
    assert "This line is not valid JSON" in page and "Dépêche 1" in page


@pytest.mark.django_db
def test_import_page_refuses_a_bad_file_at_once(editor):
    upload = SimpleUploadedFile("cms.zip", b"not a zip at all")
    response = login(editor).post(reverse("factcheck:imports"), {"file": upload})
    assert response.status_code == 200
    assert "This file is not a valid zip archive." in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_import_report_lists_what_each_row_became(editor, tmp_path,
                                                       django_capture_on_commit_callbacks):
    path = write_jsonl(tmp_path / "a.jsonl", [article_row(1), "[]", article_row(1)])
    with django_capture_on_commit_callbacks():
        run_command(path, user=editor.username)
    job = ImportJob.objects.get()
    client = login(editor)
    page = client.get(job.get_absolute_url() + "?outcome=error").content.decode()
    assert "JSON object" in page and "Same article as line 1." not in page
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Same article as line 1." in page
    assert Article.objects.get().get_absolute_url() in page


@pytest.mark.django_db
def test_the_report_is_written_in_the_senders_language(editor):
    from django.utils import translation

    upload = SimpleUploadedFile("a.jsonl", b'{broken\n{"title": "Sans texte"}\n')
    with translation.override("fr"):
        job = import_actions.start_import(upload=upload, uploaded_by=editor)
    import_actions.run_import(job.pk)  # as the worker does, in whatever language it runs
    messages = list(job.rows.order_by("line").values_list("message", flat=True))
    assert messages[0].startswith("Cette ligne n'est pas du JSON valide")
    assert messages[1].startswith("Texte :")


@pytest.mark.django_db
def test_huge_files_and_archives_are_refused_whole(tmp_path, monkeypatch):
    """The limits are lowered here so that the test files stay small; the code path is the
    one a 300 MB file or a 50,000-file zip takes."""
    monkeypatch.setattr(imports, "MAX_IMPORT_BYTES", 1000)
    big = write_jsonl(tmp_path / "big.jsonl", [article_row(n) for n in range(10)])
    assert "too big" in str(run_command(big)[2])
    monkeypatch.setattr(imports, "MAX_IMPORT_BYTES", 10**9)

    monkeypatch.setattr(imports, "MAX_ZIP_ENTRIES", 3)
    many = tmp_path / "many.zip"
    many.write_bytes(make_zip({f"{n}.txt": TEXT.encode() for n in range(4)}))
    assert "more than 3 files" in str(run_command(many)[2])

    monkeypatch.setattr(imports, "MAX_ZIP_UNPACKED_BYTES", 3 * len(TEXT))
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(make_zip({f"{n}.txt": TEXT.encode() for n in range(3)}))
    assert "zip bomb" in str(run_command(bomb)[2])
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_an_overlong_line_is_refused_without_losing_its_neighbours(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(imports, "MAX_LINE_BYTES", 2000)
    path = write_jsonl(tmp_path / "a.jsonl", [
        article_row(1), article_row(2, text="x" * 5000), article_row(3),
    ])
    with django_capture_on_commit_callbacks():
        run_command(path)
    job = ImportJob.objects.get()
    assert "too long" in refused(job)[2]
    assert set(Article.objects.values_list("external_id", flat=True)) == {"cms-1", "cms-3"}

FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 NEWSROOM_VAR_DIR=/app/var
WORKDIR /app
COPY pyproject.toml README.md ./
COPY newsroom ./newsroom
COPY factcheck ./factcheck
RUN pip install --no-cache-dir .
COPY . .
# collectstatic needs settings that load: a throwaway key, never used at run time.
RUN SECRET_KEY=build-only DEBUG=0 python manage.py collectstatic --noinput \
    && useradd --create-home newsroom && mkdir -p var && chown -R newsroom var
USER newsroom
EXPOSE 8000
CMD ["gunicorn", "newsroom.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]

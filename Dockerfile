# The study bot: `dva serve` (Discord and/or Slack, the daily question, /healthz).
# Build: docker build -t dva-bot .
# Run:   docker run -d --name dva -v dva-data:/data -p 8080:8080 -e DISCORD_TOKEN=... dva-bot
# Secrets come from the environment at run time, never from the image.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY db ./db
COPY content ./content
RUN pip install . \
    && useradd --create-home --uid 10001 --shell /usr/sbin/nologin dva \
    && mkdir -p /data \
    && chown dva:dva /data

ENV DVA_DB=/data/dva.db \
    DVA_CONTENT=/app/content \
    DVA_HEALTH_PORT=8080 \
    DVA_LOG=INFO
VOLUME /data
# 8080: /healthz; 3000: Slack's HTTP mode (/slack/events), unused with Discord or Socket Mode
EXPOSE 8080 3000
USER dva

# python, not curl: the slim image has no curl
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('DVA_HEALTH_PORT', '8080') + '/healthz', timeout=4).status != 200)"]

# SIGTERM (docker stop) finishes in-flight answers, closes the database and exits 0
CMD ["dva", "serve"]

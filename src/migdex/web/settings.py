"""Django settings for the migdex site, read from the environment.

- ``DATABASE_URL``: any dj-database-url URL; default SQLite at ``var/migdex.sqlite3``.
- ``MIGDEX_SECRET_KEY``: the secret key; without it a development key is generated once
  into ``var/secret_key`` (never committed).
- ``MIGDEX_DEBUG``: ``1`` turns debugging on (off by default).
- ``MIGDEX_ALLOWED_HOSTS``: comma-separated host names (loopback by default).
- ``MIGDEX_VAR_DIR``: where the SQLite file, the secret key and caches live (``./var``).
- ``MIGDEX_STATIC_ROOT``: where ``collectstatic`` writes (not needed to serve).
- ``REDIS_URL``: use Redis for the cache (needs the ``redis`` package); LocMem otherwise.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("MIGDEX_VAR_DIR", Path.cwd() / "var")).resolve()


def _env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes"}


def _secret_key() -> str:
    """The key from the environment, or a development key generated once into var/."""
    key = os.environ.get("MIGDEX_SECRET_KEY", "").strip()
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


SECRET_KEY = _secret_key()
DEBUG = _env_flag("MIGDEX_DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MIGDEX_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]").split(
        ","
    )
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "ninja",  # serves the API docs' Swagger files locally (no CDN)
    "parler",  # per-language content rows (portal pages), each with its own review status
    "migdex.web.explorer",
    "migdex.web.ombudsman",
    "migdex.web.survey",
    "migdex.web.portal",
    "migdex.web.dialogue",
    "migdex.web.terminology",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "migdex.web.middleware.ReadOnlyCorsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "migdex.web.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "migdex.web.urls"
WSGI_APPLICATION = "migdex.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "migdex.web.context.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'migdex.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Seconds a rendered public page or API answer is reused (it is also keyed on the data version).
MIGDEX_PAGE_CACHE_SECONDS = int(os.environ.get("MIGDEX_PAGE_CACHE_SECONDS", "600"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
# The ombudsman's pages also speak Uzbek, Tajik and Kyrgyz (other pages fall back to English).
LANGUAGES += [("uz", _("Uzbek")), ("tg", _("Tajik")), ("ky", _("Kyrgyz"))]
# Languages each app's pages are translated into (the switcher offers only these).
MIGDEX_APP_LANGUAGES = {
    "explorer": ["en", "ru"],
    "portal": ["en", "ru", "uz", "tg", "ky"],
    "dialogue": ["en", "ru", "uz", "tg", "ky"],
    "terminology": ["en", "ru", "uz", "tg", "ky"],
}
# Content translated per row (django-parler): every site language, English as the fallback.
PARLER_DEFAULT_LANGUAGE_CODE = "en"
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": ["en"], "hide_untranslated": False},
}
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
# Only `collectstatic` needs STATIC_ROOT (set MIGDEX_STATIC_ROOT); WhiteNoise serves app files.
STATIC_ROOT = os.environ.get("MIGDEX_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Uploaded files (case attachments) live under var/, never in the source tree.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MIGDEX_MEDIA_ROOT", VAR_DIR / "media"))
EMAIL_BACKEND = os.environ.get(
    "MIGDEX_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("MIGDEX_FROM_EMAIL", "ombudsman@localhost")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
# Ombudsman look-up: one-time codes, rate limits (django-ratelimit, on the default cache) and a
# response-time floor so a match and a non-match take the same time.
OMBUDSMAN_SMS_BACKEND = os.environ.get(
    "MIGDEX_SMS_BACKEND", "migdex.web.ombudsman.services.notify.ConsoleSMSBackend"
)
OMBUDSMAN_LOOKUP_MIN_SECONDS = float(os.environ.get("MIGDEX_LOOKUP_MIN_SECONDS", "0.4"))
OMBUDSMAN_LOOKUP_RATE_IP = os.environ.get("MIGDEX_LOOKUP_RATE_IP", "20/h")
OMBUDSMAN_LOOKUP_RATE_IDENTITY = os.environ.get("MIGDEX_LOOKUP_RATE_IDENTITY", "5/h")
RATELIMIT_USE_CACHE = "default"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "personal_data": {"()": "migdex.web.ombudsman.logfilter.PersonalDataFilter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["personal_data"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("MIGDEX_LOG_LEVEL", "WARNING")},
}

# Terminology checker page: longest pasted text, and checks per IP (django-ratelimit syntax).
MIGDEX_CHECK_MAX_CHARS = int(os.environ.get("MIGDEX_CHECK_MAX_CHARS", "100000"))
MIGDEX_CHECK_RATE_IP = os.environ.get("MIGDEX_CHECK_RATE_IP", "30/m")
# Community dialogue: posts and reports per user (django-ratelimit syntax).
DIALOGUE_POST_RATE = os.environ.get("MIGDEX_DIALOGUE_POST_RATE", "10/h")
DIALOGUE_REPORT_RATE = os.environ.get("MIGDEX_DIALOGUE_REPORT_RATE", "20/h")

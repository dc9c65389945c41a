"""Settings shared by every environment; safe for production (no secrets, DEBUG off)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=""):
    """The variable's value, or `default` when it is unset or empty: `.env` files and CI often
    write `NAME=`, which must not mean "an empty database URL" or "the working directory"."""
    return os.environ.get(name) or default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "members",
    "members.mentoring",
    "events",
    "resources",
    "newsletter",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Wagtail's search index needs it on PostgreSQL (check postgres.E005); harmless on SQLite.
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "home.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed for browsers that ask (static files come pre-compressed from WhiteNoise,
    # above, which answers before this runs). Django masks the CSRF token per response and pads
    # the gzip header at random: its mitigations of BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous pages whole from the cache (home/page_cache.py): after the language is known,
    # before anything reads the session.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.PublicContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "members.middleware.AdminMFARequiredMiddleware",
]

ROOT_URLCONF = "amasq_site.urls"
WSGI_APPLICATION = "amasq_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches (home/caching.py, docs/architecture.md "Caching"). "default" holds what pages reuse
# (layout, locales, renditions): this process's memory, so a cache read costs no
# SQL query. "shared" holds what every worker must agree on: rate limits (allauth's, re-pointed in
# home/apps.py, and django-ratelimit's) and the content generation that invalidates "default".
# With REDIS_URL, Redis serves both.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    # Timeouts, so that an unreachable Redis makes /health/ answer 503 rather than hang.
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    CACHES = {"default": _redis, "shared": _redis}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}},
        "shared": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache"},
    }
# Anonymous public pages are served whole from "default" for this long at most; publishing or
# saving what a page shows renders them again at once (home/page_cache.py). 0 turns it off.
PAGE_CACHE_SECONDS = int(env("DJANGO_PAGE_CACHE_SECONDS", "300"))
RATELIMIT_USE_CACHE = "shared"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Languages: French first. LocaleMiddleware sends "/" to the browser's preferred language and
# falls back on LANGUAGE_CODE when it cannot tell.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# ASCII slugs: readable addresses ("ecole-au-cje", not "%C3%A9cole-au-cje") in links and bars.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Montreal"
# Quebec-style dates and times ("22 novembre 2026, 14 h 30"); see amasq_site/formats/.
FORMAT_MODULE_PATH = ["amasq_site.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    # Public files under MEDIA_ROOT, except Wagtail documents: in PRIVATE_MEDIA_ROOT, served only by
    # Wagtail's document view once resources/access.py allows it (members-only resources' files).
    "default": {"BACKEND": "resources.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
# Members' own uploads (profile photos) and Wagtail documents: outside MEDIA_ROOT, served only through access-checked views.
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private-media"))

# Email: EMAIL_URL such as smtp://user:pass@host:587?tls=1 selects SMTP; without it, mail is
# written to files under var/mail/ (see README).
EMAIL_URL = env("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "AMASQ <info@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def mailer_from_url(url):
    """Translate EMAIL_URL into a MAILERS entry (Django 6.1 replaced the EMAIL_* settings)."""
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url:
        return {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(BASE_DIR / "var" / "mail")},
        }
    parts = urlsplit(url)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    if parts.scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ValueError(f"EMAIL_URL: unsupported scheme {parts.scheme!r}")
    options = {"host": parts.hostname or "localhost", "port": parts.port or 25, "timeout": 20}
    if parts.username:
        options["username"] = unquote(parts.username)
        options["password"] = unquote(parts.password or "")
    if parts.scheme == "smtps" or query.get("ssl") in {"1", "true"}:
        options["use_ssl"] = True
    elif query.get("tls") in {"1", "true"}:
        options["use_tls"] = True
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}


MAILERS = {"default": mailer_from_url(EMAIL_URL)}

# Background work runs through Django's tasks framework: a queue in the database (`manage.py
# db_worker`) by default; DJANGO_TASKS_BACKEND=rq puts it in Redis (REDIS_URL, or
# DJANGO_TASKS_REDIS_URL), worked by `manage.py rqworker --job-class django_tasks_rq.Job default`.
TASKS_BACKEND = env("DJANGO_TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": env("DJANGO_TASKS_REDIS_URL", REDIS_URL or "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ValueError(f"DJANGO_TASKS_BACKEND: {TASKS_BACKEND!r} is neither 'database' nor 'rq'")

# Wagtail
WAGTAIL_SITE_NAME = "AMASQ"
WAGTAILADMIN_BASE_URL = env("DJANGO_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # A French configuration that also folds accents ("ecole" finds "école"); created by
        # home/migrations on PostgreSQL, ignored on SQLite whose FTS5 tokenizer already folds them.
        "SEARCH_CONFIG": "french_unaccent",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Upload limits (the reverse proxy's own cap, docs/deploy.md, must be at least the largest).
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("DJANGO_DOCUMENTS_MAX_UPLOAD_MB", "50")) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 40 megapixels: a photograph passes, a decompression bomb does not.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# A form's fields without its files; files past FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "png", "webp": "webp"}
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Accounts (django-allauth): email login, verified email, no open signup.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_ADAPTER = "home.adapters.ClosedSignupAccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "5/5m/ip,5/5m/key"}
ACCOUNT_PREVENT_ENUMERATION = True
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "AMASQ"
# The Wagtail admin signs in through allauth, so that two-factor authentication applies to it;
# members/middleware.py requires it of everyone who can reach the admin.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Events (events/services.py): how long a guest's unconfirmed registration holds a seat, and how
# long a person from the waitlist has to take a freed seat before it goes to the next one.
EVENTS_PENDING_HOLD = timedelta(minutes=int(env("DJANGO_EVENTS_PENDING_HOLD_MINUTES", "30")))
EVENTS_OFFER_PERIOD = timedelta(hours=int(env("DJANGO_EVENTS_OFFER_HOURS", "48")))
# Mentoring (members/mentoring/services.py): how long a mentor has to answer a request before it
# expires, and after how long a waiting request earns its mentor one reminder.
MENTORING_REQUEST_VALIDITY = timedelta(days=int(env("DJANGO_MENTORING_REQUEST_DAYS", "14")))
MENTORING_REMINDER_AFTER = timedelta(days=int(env("DJANGO_MENTORING_REMINDER_DAYS", "7")))
# Resources: the largest file a member may propose, in megabytes.
RESOURCES_MAX_UPLOAD_MB = int(env("DJANGO_RESOURCES_MAX_UPLOAD_MB", "20"))

# Newsletter (newsletter/sending.py): messages per SMTP connection, and at most this many a minute
# (0: as fast as the server takes them). With an email provider, django-anymail's tracking webhooks
# (/anymail/<provider>/tracking/, basic auth with this secret, "user:password") mark bounces and
# complaints.
NEWSLETTER_BATCH_SIZE = int(env("DJANGO_NEWSLETTER_BATCH_SIZE", "100"))
NEWSLETTER_RATE_PER_MINUTE = int(env("DJANGO_NEWSLETTER_RATE_PER_MINUTE", "0"))
ANYMAIL = {"WEBHOOK_SECRET": env("DJANGO_ANYMAIL_WEBHOOK_SECRET", "")}

# Contact form and other public forms: how many posts one address may make.
PUBLIC_FORM_RATE = env("DJANGO_PUBLIC_FORM_RATE", "5/h")
RATELIMIT_VIEW = "home.views.rate_limited"
# How many reverse proxies in front of the site append to X-Forwarded-For. 0 (default): the header
# is ignored and rate limits key on REMOTE_ADDR; behind one proxy, set 1 or every visitor shares
# the proxy's address. allauth applies the rule; django-ratelimit asks allauth (home/client_ip.py).
ALLAUTH_TRUSTED_PROXY_COUNT = int(env("DJANGO_TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "home.client_ip.client_ip"

# Map and site identity shown to the public.
SITE_BASE_URL = WAGTAILADMIN_BASE_URL

# Security headers that hold in every environment; production.py adds HSTS and secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "https://tile.openstreetmap.org", "https://*.tile.openstreetmap.org"],
    "script-src": ["'self'"],
    # Inline style attributes come from Wagtail's responsive embeds and the editor's userbar.
    "style-src": ["'self'", "'unsafe-inline'"],
    # Wagtail's embed block (oEmbed) frames YouTube videos from www.youtube.com/embed/.
    "frame-src": [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Browser features the site never uses are refused to it and to the frames it embeds; the
# directory's "near me" asks for the position, and embedded videos may go full screen.
EMBED_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]
PERMISSIONS_POLICY = {
    **dict.fromkeys(["accelerometer", "browsing-topics", "camera", "display-capture", "gyroscope"], []),
    **dict.fromkeys(["hid", "magnetometer", "microphone", "midi", "payment", "serial", "usb"], []),
    "geolocation": "self",
    "fullscreen": ["self", *EMBED_ORIGINS],
    "picture-in-picture": ["self", *EMBED_ORIGINS],
}

# One JSON object a line on stderr, with the request's id and no personal data (home/log.py);
# DJANGO_LOG_FORMAT=text for plain lines. amasq.requests logs one line per request at INFO.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "home.log.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "home.log.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}{request_id}",
            "style": "{",
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if env("DJANGO_LOG_FORMAT") == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "amasq.requests": {"level": env("DJANGO_REQUEST_LOG_LEVEL", "INFO")},
        # Django's own loggers at the same level as the rest, through the handler above only
        # (Django's defaults log every task at INFO, twice with DEBUG: load_demo would print
        # hundreds of lines); runserver's request lines (django.server) keep their own handler.
        "django": {"handlers": [], "level": env("DJANGO_LOG_LEVEL", "WARNING")},
    },
}

SITE_NAME = _("AMASQ")

# The MAS directory's map (Leaflet). Tiles are loaded by the visitor's browser only.
MAP_TILE_URL = env("DJANGO_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_ATTRIBUTION = env(
    "DJANGO_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

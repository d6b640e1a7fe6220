"""Public pages: topics, threads, posting, answers, reports, the participant's pseudonym.

Reading is open to everyone; posting and reporting need an account, pass the spam and
personal-data guards, and are rate limited per account (or address).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from migdex.web.dialogue import posting
from migdex.web.dialogue.forms import PostForm, ProfileForm, ReportForm, ThreadForm
from migdex.web.dialogue.forms import is_known_language as _is_known
from migdex.web.dialogue.models import Event, Post, Reason, Thread, Topic
from migdex.web.dialogue.roles import is_moderator, participant_for

PAGE_SIZE = 30


def _post_rate(group: str, request: HttpRequest) -> str:
    return getattr(settings, "DIALOGUE_POST_RATE", "10/h")


def _report_rate(group: str, request: HttpRequest) -> str:
    return getattr(settings, "DIALOGUE_REPORT_RATE", "20/h")


def too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "dialogue/too_many.html", status=429)


def _lang(request: HttpRequest) -> str:
    """The ``?lang=`` filter when it names a known language code, else no filter."""
    code = request.GET.get("lang", "").strip().lower()
    return code if code and _is_known(code) else ""


def _visible_threads(lang: str):
    """Visible threads with their visible-post count; with a language, those that use it."""
    threads = Thread.objects.filter(is_hidden=False).select_related("topic", "author")
    if lang:
        in_lang = Post.objects.filter(language=lang, is_hidden=False).values("thread_id")
        threads = threads.filter(Q(language=lang) | Q(pk__in=in_lang))
    counted = threads.annotate(n_posts=Count("posts", filter=Q(posts__is_hidden=False)))
    return counted.order_by("-created_at", "-id")  # Meta.ordering is dropped by GROUP BY


def _languages_used() -> list[str]:
    return sorted(set(Post.objects.filter(is_hidden=False).values_list("language", flat=True)))


def _blocked(request: HttpRequest) -> HttpResponse | None:
    """A suspended participant's attempt to post: a clear message instead."""
    participant = participant_for(request.user)
    if participant.is_suspended():
        return render(request, "dialogue/suspended.html", {"participant": participant}, status=403)
    return None


@never_cache
def index(request: HttpRequest) -> HttpResponse:
    """Topics, the latest threads (filterable by language) and the next events."""
    lang = _lang(request)
    threads = list(_visible_threads(lang)[:20])
    events = list(Event.objects.filter(is_hidden=False).select_related("organiser")[:3])
    topics = Topic.objects.annotate(
        n_threads=Count("threads", filter=Q(threads__is_hidden=False))
    ).order_by("slug")
    context = {
        "topics": topics,
        "threads": threads,
        "events": events,
        "lang": lang,
        "languages": _languages_used(),
        "is_synthetic": any(t.is_synthetic for t in threads + events),
    }
    return render(request, "dialogue/index.html", context)


@never_cache
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    found = get_object_or_404(Topic, slug=slug)
    lang = _lang(request)
    page = Paginator(_visible_threads(lang).filter(topic=found), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    threads = list(page)
    context = {
        "topic": found,
        "threads": threads,
        "page": page,
        "lang": lang,
        "languages": _languages_used(),
        "is_synthetic": found.is_synthetic or any(t.is_synthetic for t in threads),
    }
    return render(request, "dialogue/topic.html", context)


def _thread_context(request: HttpRequest, found: Thread, form: PostForm | None = None) -> dict:
    lang = _lang(request)
    posts = found.posts.select_related("author")
    if lang:
        posts = posts.filter(language=lang)
    return {
        "thread": found,
        "posts": posts,
        "lang": lang,
        "languages": sorted(set(found.posts.values_list("language", flat=True))),
        "is_moderator": is_moderator(request.user),
        "reasons": Reason.choices,
        "viewer": participant_for(request.user) if request.user.is_authenticated else None,
        "form": form or PostForm(initial={"language": request.LANGUAGE_CODE}),
        "is_synthetic": found.is_synthetic,
    }


@never_cache
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    """A thread's posts; hidden ones show a placeholder to everyone but moderators."""
    found = get_object_or_404(Thread.objects.select_related("topic", "author"), pk=pk)
    return render(request, "dialogue/thread.html", _thread_context(request, found))


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user_or_ip", rate=_post_rate, method="POST", block=False, group="dialogue-post")
def thread_new(request: HttpRequest) -> HttpResponse:
    blocked = _blocked(request)
    if blocked:
        return blocked
    author = participant_for(request.user)
    initial = {"language": request.LANGUAGE_CODE, "topic": request.GET.get("topic")}
    form = ThreadForm(request.POST or None, author=author, initial=initial)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return too_many(request)
        if form.is_valid():
            data = form.cleaned_data
            created = posting.start_thread(
                author,
                topic=data["topic"],
                title=data["title"],
                kind=data["kind"],
                body=data["body"],
                language=data["language"],
                tags=data["tags"],
            )
            messages.success(request, _("Your thread is published."))
            return redirect("dialogue:thread", created.pk)
    status = 400 if form.errors else 200
    return render(request, "dialogue/thread_new.html", {"form": form}, status=status)


@login_required
@require_POST
@ratelimit(key="user_or_ip", rate=_post_rate, method="POST", block=False, group="dialogue-post")
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Thread, pk=pk, is_hidden=False)
    blocked = _blocked(request)
    if blocked:
        return blocked
    if getattr(request, "limited", False):
        return too_many(request)
    author = participant_for(request.user)
    form = PostForm(request.POST, author=author)
    if not form.is_valid():
        context = _thread_context(request, found, form)
        return render(request, "dialogue/thread.html", context, status=400)
    posting.add_post(found, author, form.cleaned_data["body"], form.cleaned_data["language"])
    messages.success(request, _("Your answer is published."))
    return redirect("dialogue:thread", found.pk)


@login_required
@require_POST
def accept(request: HttpRequest, pk: int, post_pk: int) -> HttpResponse:
    """The question's author marks (or unmarks) the answer that solved it."""
    found = get_object_or_404(Thread, pk=pk, kind=Thread.Kind.QUESTION)
    if found.author.user_id != request.user.pk:
        return render(request, "dialogue/forbidden.html", status=403)
    answers = Post.objects.filter(thread=found, is_hidden=False).exclude(pk=found.posts.first().pk)
    post = get_object_or_404(answers, pk=post_pk)  # the question itself is not an answer
    found.accepted_post = None if found.accepted_post_id == post.pk else post
    found.save(update_fields=["accepted_post"])
    return redirect("dialogue:thread", found.pk)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user_or_ip", rate=_report_rate, method="POST", block=False, group="dialogue-rep")
def report(request: HttpRequest, post_pk: int) -> HttpResponse:
    """Report a post to the moderators with a coded reason."""
    post = get_object_or_404(Post.objects.select_related("thread", "author"), pk=post_pk)
    if post.is_hidden or post.thread.is_hidden:
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return too_many(request)
        if form.is_valid():
            reporter = participant_for(request.user)
            posting.report_post(
                post, reporter, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
            messages.success(request, _("Thank you. The moderators will look at this post."))
            return redirect("dialogue:thread", post.thread_id)
    context = {"post": post, "form": form, "is_synthetic": post.is_synthetic}
    return render(request, "dialogue/report.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """The participant's pseudonym (the only name others see)."""
    participant = participant_for(request.user)
    form = ProfileForm(
        request.POST or None, instance=participant, username=request.user.get_username()
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your pseudonym is saved."))
        return redirect("dialogue:profile")
    return render(request, "dialogue/profile.html", {"form": form, "participant": participant})

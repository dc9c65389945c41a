"""What form views across the apps answer when a submission is refused: the status says so, for
people's browsers (a refused POST is not cached or retried as a success), monitoring and tests."""

from home.rate_limits import post_over_limit


class InvalidFormStatus400Mixin:
    """A form that does not validate is shown again with its errors and the status 400."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RateLimitedPostMixin:
    """POSTs beyond `rate_limit_rate` per `rate_limit_key` ("ip" or "user") are answered 429 with
    the form shown again and `rate_limited` in the context, before the form is even read."""

    rate_limit_group: str
    rate_limit_key = "ip"
    rate_limit_rate = None  # None: settings.PUBLIC_FORM_RATE

    def post(self, request, *args, **kwargs):
        if post_over_limit(request, self.rate_limit_group, key=self.rate_limit_key, rate=self.rate_limit_rate):
            return self.rate_limited_response()
        return super().post(request, *args, **kwargs)

    def rate_limited_response(self):
        context = self.get_context_data(form=self.get_form(), rate_limited=True)
        return self.render_to_response(context, status=429)

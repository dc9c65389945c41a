"""Path converters shared by every app's URLs."""

# The largest key a 64-bit integer column holds; beyond it SQLite cannot even compare.
MAX_ID = 2**63 - 1


class IdConverter:
    """`<id:pk>`: a row's id in a URL. Like `<int:…>` but an id no column can hold is simply
    not found (404) instead of overflowing the database driver."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if not 0 < number <= MAX_ID:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)

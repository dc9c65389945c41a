# The directory and its schools, as the members tests build them.
from tests.members.conftest import directory, english_directory, schools  # noqa: F401

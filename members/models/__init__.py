from .pages import MASDirectoryPage, MASPage, MASPageImage
from .taxonomy import REGION_CHOICES, MembershipKind, Schedule, Service, TeachingLanguages

__all__ = [
    "REGION_CHOICES",
    "MASDirectoryPage",
    "MASPage",
    "MASPageImage",
    "MembershipKind",
    "Schedule",
    "Service",
    "TeachingLanguages",
]

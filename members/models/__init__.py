from .accounts import AMASQ_STAFF_GROUP, AccessRequest, Invitation, MemberRole, Membership
from .pages import MASDirectoryPage, MASPage, MASPageImage
from .profiles import (
    SHAREABLE_FIELDS,
    ConsentPurpose,
    ConsentRecord,
    Expertise,
    MemberProfile,
    SpokenLanguage,
)
from .taxonomy import REGION_CHOICES, MembershipKind, Schedule, Service, TeachingLanguages

__all__ = [
    "AMASQ_STAFF_GROUP",
    "REGION_CHOICES",
    "SHAREABLE_FIELDS",
    "AccessRequest",
    "ConsentPurpose",
    "ConsentRecord",
    "Expertise",
    "Invitation",
    "MASDirectoryPage",
    "MASPage",
    "MASPageImage",
    "MemberProfile",
    "MemberRole",
    "Membership",
    "MembershipKind",
    "Schedule",
    "Service",
    "SpokenLanguage",
    "TeachingLanguages",
]

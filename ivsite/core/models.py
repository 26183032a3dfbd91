"""Front-matter models: what each kind of note may say, typed and documented.

These pydantic models are the single source of truth for validation and for the
JSON Schema that ``ivsite schema`` prints for editors (see ivsite.commands.schema).
Unknown keys are handled by the validate stage (warnings with a did-you-mean;
privacy look-alikes, see ivsite.switches.lookalike, are errors), so the models ignore
them rather than fail on them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

Visibility = Literal["public", "mentor", "private"]
Format = Literal["coffee", "video", "phone", "in-person", "email", "other"]
FORMATS: tuple[str, ...] = get_args(Format)
VISIBILITIES: tuple[str, ...] = ("public", "mentor", "private")
CONTACT_FIELDS = ("email", "phone", "linkedin")


def _date(value: Any) -> Any:
    """Dates are YYYY-MM-DD; a quoted one is accepted, a datetime keeps its day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a real date") from exc
    return value


def _one_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be a single line")
    return value.strip()


def _slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", value):
        raise ValueError("use lower-case letters, digits and hyphens only")
    return value


def _listed(value: Any) -> Any:
    """Obsidian writes a single alias or tag as a plain string."""
    return [value] if isinstance(value, str) else value


DATE_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([ T].*)?$"
Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema(
    {"type": "string", "format": "date", "pattern": DATE_PATTERN,
     "description": "YYYY-MM-DD"})]
Words = Annotated[list[str], BeforeValidator(_listed), WithJsonSchema(
    {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]
OneLine = Annotated[str, AfterValidator(_one_line), WithJsonSchema(
    {"type": "string", "pattern": r"^[^\n]*\n?$"})]
Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema(
    {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"})]
Interest = Annotated[int, Field(ge=1, le=5)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Person(_Model):
    """Who the conversation was with. Contact fields are never published."""

    name: str = Field(description="Real name; published only with consent.publish_name")
    role: str | None = None
    company: str | None = None
    industry: str | None = None
    location: str | None = None
    email: str | None = Field(None, description="Private: never published")
    phone: str | None = Field(None, description="Private: never published")
    linkedin: str | None = Field(None, description="Private: never published")


class Consent(_Model):
    publish_name: bool = Field(False, description="Default false: the name appears in no output")
    recording: bool | None = Field(None, description="Permission to record was asked and given")


class FollowUp(_Model):
    thank_you: Date | Literal[False] | None = Field(None, description="Date sent, or false")
    next: Date | None = None
    keep_in_touch: bool | Annotated[int, Field(ge=1, le=3660)] | None = Field(
        None, description="true: every [follow_up] keep_in_touch_days days of site.toml "
        "(90 unless set); a number: every that many days; false: never")
    portfolio_review: Literal["none", "requested", "done"] = "none"


class Referral(_Model):
    """A third party the contact suggested: private, contact details and all."""

    name: str
    role: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None


class NoteMeta(_Model):
    """Keys every note may carry."""

    title: OneLine | None = None
    date: Date | None = None
    visibility: Visibility | None = Field(
        None, description="public | mentor | private; default from site.toml [visibility]"
    )
    tags: Words = Field(default_factory=list)
    summary: OneLine | None = None
    slug: Slug | None = None
    aliases: Words = Field(
        default_factory=list, description="Other names [[links]] may use for this note")


class InterviewMeta(NoteMeta):
    person: Person
    alias: OneLine | None = Field(None, description="Shown where the name is not")
    consent: Consent = Field(default_factory=lambda: Consent.model_validate({}))
    referred_by: str | None = Field(None, description="Private")
    format: Format | None = None
    status: Literal["planned", "done", "cancelled"] = "done"
    role: str | None = Field(None, description="Slug of a note in content/roles/")
    interest: Interest | None = None
    recording_file: str | None = Field(None, description="Relative to the note; never published")
    referrals: list[Referral] = Field(default_factory=list, description="Private")
    follow_up: FollowUp | None = None


class ReflectionMeta(NoteMeta):
    roles: list[str] = Field(default_factory=list)
    interest: Interest | None = None


class RoleMeta(NoteMeta):
    status: Literal["exploring", "pursuing", "dropped"] | None = None
    skills: list[str] = Field(default_factory=list)


class PageMeta(NoteMeta):
    pass


MODELS: dict[str, type[NoteMeta]] = {
    "interviews": InterviewMeta,
    "reflections": ReflectionMeta,
    "roles": RoleMeta,
    "pages": PageMeta,
}

NESTED: dict[str, type[_Model]] = {
    "person": Person,
    "consent": Consent,
    "follow_up": FollowUp,
}


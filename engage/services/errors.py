"""What can go wrong in a use case, in words a channel can show."""


class ServiceError(Exception):
    """Base for errors a channel turns into a friendly page or message."""


class ConsultationNotFound(ServiceError):
    """No consultation has this join code."""


class ConsultationClosed(ServiceError):
    """The consultation exists but is not taking answers today."""

    def __init__(self, consultation):
        super().__init__(consultation.join_code)
        self.consultation = consultation


class ResponseNotFound(ServiceError):
    """No unfinished response matches this respondent's token."""


class AccountError(ServiceError):
    """An account cannot be created, invited or changed as asked; the message says why."""


class NotAllowed(ServiceError):
    """The signed-in person's role does not allow this."""

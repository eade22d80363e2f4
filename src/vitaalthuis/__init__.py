"""VitaalThuis: a weekly well-being check-in for home workers, stored on the user's own computer."""

__version__ = "0.1.0"

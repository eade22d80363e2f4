"""The organisation policy in the window: "offered by", employer contacts, organisation tips, locked
settings, and a calm notice for a bad policy file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from vitaalthuis.config.policy import load_policy

EXAMPLE = Path(__file__).resolve().parents[2] / "packaging" / "policy-example.toml"


def window_with(qtbot, service, store, db, policy):
    from tests.ui.conftest import TODAY
    from vitaalthuis.services.bundle import open_services
    from vitaalthuis.services.tips import shipped_library
    from vitaalthuis.ui.main_window import MainWindow

    settings = store.load(policy.defaults, policy.locked)
    services = open_services(db, today=lambda: TODAY, tip_library=policy.tip_library(shipped_library()))
    window = MainWindow(services, store, settings.__class__(**{**settings.user_values(), "welcomed": True},
                                                           locked=settings.locked),
                        "nl", use_tray=False, policy=policy)
    qtbot.addWidget(window)
    window.show()
    return window


def test_example_policy_shows_organisation_contacts_and_tips(qtbot, service, store, db) -> None:
    policy = load_policy([EXAMPLE])
    assert policy.organisation == "Gemeente Voorbeeld" and not policy.notices
    window = window_with(qtbot, service, store, db, policy)
    home = window.home
    assert home.organisation_label.isVisible()
    assert home.organisation_label.text().startswith("Aangeboden door Gemeente Voorbeeld.")
    assert "werkgever kan geen van je antwoorden zien" in home.organisation_label.text()
    window.show_help()
    labels = " ".join(label.text() for label in home.help_view.findChildren(QLabel))
    assert "Aangeboden door Gemeente Voorbeeld" in labels and "030 123 45 67" in labels
    assert "voorbeeld_fietsplan" in window.tips.library
    assert window.tips.library.get("voorbeeld_fietsplan").from_organisation
    assert not home.policy_notice.isVisible()
    # locked by the policy: shown disabled in the settings dialog
    from vitaalthuis.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings, window.data_dir, window.organisation, window)
    qtbot.addWidget(dialog)
    assert window.settings.reminder_day == 4 and not dialog.day.isEnabled()


def test_bad_policy_gives_a_calm_notice_and_defaults(qtbot, service, store, db, tmp_path) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text("schema_version = 1\n[defaults]\nreminder_day = 'vrijdag'\n", encoding="utf-8")
    policy = load_policy([bad])
    assert policy.notices
    window = window_with(qtbot, service, store, db, policy)
    assert window.home.policy_notice.isVisible()
    assert window.settings.reminder_day == 5  # the built-in default
    assert not window.home.organisation_label.isVisible()

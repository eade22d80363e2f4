"""The database: one SQLite file per data folder.

**Reads and writes go different ways**, for start-up speed. Reads are plain SQL through Python's ``sqlite3``
(:meth:`sessions.Sessions.read`, one read transaction per logical read), so the window shows ten years of
history before SQLAlchemy is imported. Writes are SQLAlchemy statements (:mod:`.writes`), each transaction
begun with ``BEGIN IMMEDIATE`` (:mod:`.engine`), so what a write decides from what it reads holds until its
commit.

**Where the schema is spelled**: the ORM classes (:mod:`.orm`), the alembic migrations (``migrations/``: what
a database really has) and the SQL strings of the plain reads (:mod:`.checkins`, :mod:`.tips`, and the
counts in :mod:`.recovery`, :mod:`.sidefiles` and ``services/mydata.py``). ``tests/storage/test_schema.py``
keeps the three together: the migrated tables equal the ORM's, and every SQL string compiles against them.

**Side files and locks**: :mod:`.sidefiles` (a process never opens a database file it holds; a left-over
``-wal`` is kept before SQLite may replay it). **Whose file it is**: :mod:`.identity` (application id).
"""

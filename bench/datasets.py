"""
The two data sizes the benchmark measures, built once and kept under bench/.data/.

`initial` is the initial content (`manage.py load_initial_data`); `50k` adds
`python -m bench.demo_data --regions 2000 --agreements 50000 --visits 5000 --photos 2000 --seed 1`,
which takes minutes. Each built database is kept with its media in a folder named after the
size, the database and a fingerprint of the code that shapes the data (migrations, the data
commands, the fixtures), so that a change there builds it again: SQLite as the database file,
PostgreSQL as a `pg_dump` archive restored into the throwaway server of each run.
"""

import hashlib
import shutil
import subprocess
from pathlib import Path

import psycopg

from .environment import DATA, PYTHON, ROOT, manage, site_environment

DEMO_DATA = [
    "--regions",
    "2000",
    "--agreements",
    "50000",
    "--visits",
    "5000",
    "--photos",
    "2000",
    "--seed",
    "1",
]
WORK = DATA / "work"


def fingerprint():
    """A short hash of the files that decide what a built database holds (this one too)."""
    files = sorted(
        [
            *ROOT.glob("*/migrations/*.py"),
            *ROOT.glob("*/management/commands/*.py"),
            ROOT / "bench" / "demo_data.py",
            *(path for path in (ROOT / "fixtures").rglob("*") if path.is_file()),
            Path(__file__),
        ]
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_folder(size, database):
    return DATA / f"{size}-{database}-{fingerprint()}"


def fill(env, size):
    """Migrate an empty database and load the data of the given size into it."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_initial_data")
    if size == "50k":
        subprocess.run([PYTHON, "-m", "bench.demo_data", *DEMO_DATA], cwd=ROOT, env=env, check=True)
    # As `make load` does; the demo photos, created in bulk, get theirs here too.
    manage(env, "make_renditions")


def start_building(size, database):
    """An empty cache folder for a new build, after removing older builds of the same kind."""
    for old in DATA.glob(f"{size}-{database}-*"):
        shutil.rmtree(old)
    folder = cache_folder(size, database)
    (folder / "media").mkdir(parents=True)
    print(f"Building the {size} data on {database} in {folder} (once)", flush=True)
    return folder


def working_media(folder):
    """A copy of the built media that a run may change without touching the kept build."""
    media = WORK / "media"
    if media.exists():
        shutil.rmtree(media)
    shutil.copytree(folder / "media", media)
    return media


def prepare_sqlite(size, rebuild=False):
    """The database URL and media folder of a working copy of the SQLite build of a size."""
    folder = cache_folder(size, "sqlite")
    built = folder / "db.sqlite3"
    if rebuild or not (folder / "complete").exists():
        folder = start_building(size, "sqlite")
        fill(site_environment(f"sqlite:///{built}", folder / "media"), size)
        (folder / "complete").touch()
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built, WORK / "db.sqlite3")
    return f"sqlite:///{WORK / 'db.sqlite3'}", working_media(folder)


def empty_postgres(database_url):
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def analyze_postgres(database_url):
    """Fresh planner statistics, as a server that has run for a while has them."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("ANALYZE")


def prepare_postgres(size, database_url, rebuild=False):
    """Fill the (throwaway) PostgreSQL database with a size's data; return its media folder."""
    folder = cache_folder(size, "postgres")
    dump = folder / "dump.pgc"
    empty_postgres(database_url)
    if rebuild or not (folder / "complete").exists():
        folder = start_building(size, "postgres")
        fill(site_environment(database_url, folder / "media"), size)
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", database_url], check=True)
        (folder / "complete").touch()
    else:
        subprocess.run(
            ["pg_restore", "--no-owner", "--no-privileges", f"--dbname={database_url}", str(dump)],
            check=True,
        )
    analyze_postgres(database_url)
    return working_media(folder)

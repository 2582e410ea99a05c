"""What the benches share: timing a process with its own peak memory, the median and spread
of alternated runs, and a PostgreSQL server of the bench's own (tests/postgres/server)."""
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_timed(command, env=None, stdin=None, what="bench"):
    """Runs a command; returns (seconds, peak resident memory of that process in MB).

    The peak is the process's own (wait4), not the largest of every child the bench ran."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE if stdin is not None else None,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if stdin is not None:
        process.stdin.write(stdin.encode())
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{what}: {command[0]} failed: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def spread(values, unit="s", digits=2):
    return (f"median {statistics.median(values):.{digits}f} {unit} "
            f"(from {min(values):.{digits}f} to {max(values):.{digits}f}, {len(values)} runs)")


class PostgresServer:
    """Debian's PostgreSQL, started as the postgres user in DIR, on a Unix socket only."""

    def __init__(self, directory):
        self.dir = directory
        self.script = os.path.join(ROOT, "tests", "postgres", "server")
        subprocess.run([self.script, "start", self.dir], check=True)
        self.url = open(os.path.join(self.dir, "url")).read().strip()
        self.socket = os.path.join(self.dir, "socket")

    def create(self, name):
        """A new database; returns its URL."""
        subprocess.run(["psql", "-qX", "-v", "ON_ERROR_STOP=1", self.url, "-c", f"CREATE DATABASE {name}"],
                       check=True, stdout=subprocess.DEVNULL)
        return self.database(name)

    def database(self, name):
        return f"postgresql:///{name}?host={self.socket}&user=postgres"

    def stop(self):
        subprocess.run([self.script, "stop", self.dir], check=False)

package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// InstallHint is the one line shown when no PostgreSQL can be found or installed.
const InstallHint = "no PostgreSQL found: install it with `apt-get install -y postgresql` (or run `docker compose up -d db` and set DATABASE_URL)"

// ErrNoBinaries means neither PATH nor /usr/lib/postgresql/*/bin holds initdb and pg_ctl.
var ErrNoBinaries = errors.New(InstallHint)

// FindBinaries returns the directory of initdb and pg_ctl, looking in PATH and then in
// /usr/lib/postgresql/*/bin (newest first). With install, a root process without them
// installs PostgreSQL with apt-get once.
func FindBinaries(ctx context.Context, install bool) (string, error) {
	if dir := lookBinaries(); dir != "" {
		return dir, nil
	}
	if install && os.Geteuid() == 0 && aptInstall(ctx) == nil {
		if dir := lookBinaries(); dir != "" {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

// aptInstall installs the postgresql package quietly.
func aptInstall(ctx context.Context) error {
	if _, err := exec.LookPath("apt-get"); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "convene-db: installing PostgreSQL with apt-get (once)…")
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	sh := "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null"
	return exec.CommandContext(ctx, "sh", "-c", sh).Run()
}

// lookBinaries returns the directory holding initdb and pg_ctl, or "".
func lookBinaries() string {
	if p, err := exec.LookPath("initdb"); err == nil {
		if _, err := exec.LookPath("pg_ctl"); err == nil {
			return filepath.Dir(p)
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionOf(dirs[i]) > versionOf(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

// versionOf reads the major version from /usr/lib/postgresql/N/bin.
func versionOf(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

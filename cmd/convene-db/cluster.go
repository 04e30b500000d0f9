package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// installHint is the one line shown when no PostgreSQL can be found or installed.
const installHint = "no PostgreSQL found: install it with `apt-get install -y postgresql` (or run `docker compose up -d db` and set DATABASE_URL)"

// startCluster starts a private cluster from the machine's binaries on a free port.
func startCluster(ctx context.Context, mode, dir string) (*Database, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	if mode == "test" {
		if dir, err = os.MkdirTemp("", "convene-pg-"); err != nil {
			return nil, err
		}
	} else if dir, err = filepath.Abs(dir); err != nil {
		return nil, err
	}
	runAs, err := clusterUser(dir)
	if err != nil {
		return nil, err
	}
	if err := initCluster(bin, dir, runAs); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	if err := pgctl(bin, runAs, "start", "-D", dir, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60",
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 %s", port, dir, tuning(mode))); err != nil {
		return nil, fmt.Errorf("start PostgreSQL (see %s): %w", filepath.Join(dir, "server.log"), err)
	}
	fmt.Fprintf(os.Stderr, "convene-db: started a private PostgreSQL in %s on port %d\n", dir, port)
	base := "postgres://postgres@127.0.0.1:" + strconv.Itoa(port) + "/%s?sslmode=disable"
	stop := func() {
		_ = pgctl(bin, runAs, "stop", "-D", dir, "-m", "fast", "-w")
		if mode == "test" {
			os.RemoveAll(dir)
		}
	}
	if err := ensureDatabase(ctx, fmt.Sprintf(base, "postgres"), "convene"); err != nil {
		stop()
		return nil, err
	}
	return &Database{URL: dbURL(base, mode), Close: stop}, nil
}

// tuning trades durability for speed in throwaway test clusters.
func tuning(mode string) string {
	if mode == "test" {
		return "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
	}
	return "-c max_connections=100"
}

// initCluster runs initdb unless dir already holds a cluster.
func initCluster(bin, dir, runAs string) error {
	if _, err := os.Stat(filepath.Join(dir, "PG_VERSION")); err == nil {
		return nil
	}
	out, err := asUser(runAs, filepath.Join(bin, "initdb"), "-D", dir, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-instructions").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	return nil
}

// pgctl runs pg_ctl as the cluster's owner.
func pgctl(bin, runAs string, args ...string) error {
	cmd := asUser(runAs, filepath.Join(bin, "pg_ctl"), args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// asUser builds a command run as another user when we are root (PostgreSQL refuses root).
func asUser(runAs, name string, args ...string) *exec.Cmd {
	if runAs == "" {
		return exec.Command(name, args...)
	}
	return exec.Command("runuser", append([]string{"-u", runAs, "--", name}, args...)...)
}

// clusterUser creates dir and, as root, hands it to the postgres (or nobody) user.
func clusterUser(dir string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if os.Geteuid() != 0 {
		return "", nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := chownAll(dir, uid, gid); err != nil {
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("running as root and no postgres or nobody user to run PostgreSQL as")
}

// chownAll gives dir and everything in it to uid.
func chownAll(dir string, uid, gid int) error {
	return filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, gid)
	})
}

// findBinaries looks in PATH and /usr/lib/postgresql/*/bin (newest first), installing PostgreSQL
// with apt-get as root when nothing is found.
func findBinaries() (string, error) {
	if dir := lookBinaries(); dir != "" {
		return dir, nil
	}
	if os.Geteuid() == 0 && os.Getenv("CONVENE_DB_NO_INSTALL") == "" {
		if _, err := exec.LookPath("apt-get"); err == nil {
			fmt.Fprintln(os.Stderr, "convene-db: installing PostgreSQL with apt-get (once)…")
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			sh := "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null"
			if err := exec.CommandContext(ctx, "sh", "-c", sh).Run(); err == nil {
				if dir := lookBinaries(); dir != "" {
					return dir, nil
				}
			}
		}
	}
	return "", fmt.Errorf("%s", installHint)
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

package pgcluster

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
)

// initdb creates the cluster unless the directory already holds one.
func (c *Cluster) initdb() error {
	if _, err := os.Stat(filepath.Join(c.Dir, "PG_VERSION")); err == nil {
		return nil
	}
	out, err := asUser(c.user, filepath.Join(c.bin, "initdb"), "-D", c.Dir, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-instructions").CombinedOutput()
	if err != nil {
		return fmt.Errorf("initdb: %v: %s", err, out)
	}
	return nil
}

// pgctl runs pg_ctl as the cluster's owner.
func (c *Cluster) pgctl(args ...string) error {
	cmd := asUser(c.user, filepath.Join(c.bin, "pg_ctl"), args...)
	cmd.Stdout, cmd.Stderr = c.opts.Output, c.opts.Output
	return cmd.Run()
}

// asUser builds a command run as another user when we are root (PostgreSQL refuses root).
func asUser(runAs, name string, args ...string) *exec.Cmd {
	if runAs == "" {
		return exec.Command(name, args...)
	}
	return exec.Command(runuserPath(), append([]string{"-u", runAs, "--", name}, args...)...)
}

// clusterUser creates dir and, as root, hands it to the postgres (or nobody) user, whose name it returns.
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

// runuserPath finds runuser, which lives in /usr/sbin and may be missing from PATH.
func runuserPath() string {
	if p, err := exec.LookPath("runuser"); err == nil {
		return p
	}
	return "/usr/sbin/runuser"
}

// Package pgcluster starts private PostgreSQL clusters from the machine's binaries (initdb and
// pg_ctl, run as the postgres user when we are root) on a free loopback port. The database helper
// cmd/convene-db and the tests of a database outage use it; it never touches a server it did not start.
package pgcluster

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// Options says where and how to run a cluster.
type Options struct {
	// Dir is the data directory, kept between runs; empty means a temporary one that Close removes.
	Dir string
	// Tuning is extra server options, such as "-c fsync=off".
	Tuning string
	// Install lets a root process install PostgreSQL with apt-get when no binaries are found.
	Install bool
	// Output receives pg_ctl's messages; nil means os.Stderr.
	Output io.Writer
}

// Cluster is a running (or stopped) private PostgreSQL.
type Cluster struct {
	Dir  string
	Port int
	bin  string
	user string
	opts Options
}

// Start initialises the cluster if its directory is empty and starts it on a free port.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	bin, err := FindBinaries(ctx, opts.Install)
	if err != nil {
		return nil, err
	}
	if opts.Output == nil {
		opts.Output = os.Stderr
	}
	c := &Cluster{bin: bin, opts: opts}
	if c.Dir, err = dataDir(opts.Dir); err != nil {
		return nil, err
	}
	if err := c.prepare(); err != nil {
		c.removeTemp()
		return nil, err
	}
	if c.Port, err = FreePort(); err != nil {
		c.removeTemp()
		return nil, err
	}
	if err := c.Start(); err != nil {
		c.removeTemp()
		return nil, err
	}
	return c, nil
}

// dataDir makes dir absolute, or creates a temporary directory when it is empty.
func dataDir(dir string) (string, error) {
	if dir == "" {
		return os.MkdirTemp("", "convene-pg-")
	}
	return filepath.Abs(dir)
}

// prepare hands the directory to the user PostgreSQL runs as and runs initdb if needed.
func (c *Cluster) prepare() error {
	user, err := clusterUser(c.Dir)
	if err != nil {
		return err
	}
	c.user = user
	return c.initdb()
}

// Start starts the stopped cluster again, on the same port and directory.
func (c *Cluster) Start() error {
	logFile := filepath.Join(c.Dir, "server.log")
	err := c.pgctl("start", "-D", c.Dir, "-l", logFile, "-w", "-t", "60",
		"-o", fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 %s", c.Port, c.Dir, c.opts.Tuning))
	if err != nil {
		return fmt.Errorf("start PostgreSQL (see %s): %w", logFile, err)
	}
	return nil
}

// Stop shuts the cluster down (fast: open connections are cut), keeping its data.
func (c *Cluster) Stop() error {
	if err := c.pgctl("stop", "-D", c.Dir, "-m", "fast", "-w"); err != nil {
		return fmt.Errorf("stop PostgreSQL: %w", err)
	}
	return nil
}

// Close stops the cluster and removes a temporary data directory.
func (c *Cluster) Close() {
	_ = c.Stop()
	c.removeTemp()
}

// removeTemp deletes the data directory if Start created it.
func (c *Cluster) removeTemp() {
	if c.opts.Dir == "" && c.Dir != "" {
		os.RemoveAll(c.Dir)
	}
}

// URL is the connection URL of database db as the superuser postgres.
func (c *Cluster) URL(db string) string {
	return "postgres://postgres@127.0.0.1:" + strconv.Itoa(c.Port) + "/" + db + "?sslmode=disable"
}

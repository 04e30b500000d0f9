package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/convene/convene/directory"
	"github.com/convene/convene/models"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// importCmd runs `convene import people FILE.csv [--team T]`.
func (e *cli) importCmd(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "people" {
		return usageError("import: only `import people FILE.csv` exists")
	}
	fs := flag.NewFlagSet("import people", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	team := fs.String("team", "", "team name (created if new; default: the first team)")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() != 1 {
		return usageError("import people: give one CSV file")
	}
	path := fs.Arg(0)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	res, err := directory.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	store, _, err := e.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	t, err := resolveTeam(ctx, store, *team)
	if err != nil {
		return err
	}
	return e.runImport(ctx, store, t, filepath.Base(path), res)
}

// runImport upserts the parsed rows, with a progress bar on a terminal, then reports every problem and a summary line.
func (e *cli) runImport(ctx context.Context, store *models.Store, t models.Team, name string, res *directory.Result) error {
	req := models.ImportRequest{TeamID: t.ID, Source: "cli", Skipped: len(res.Errors), People: res.People()}
	if bar := e.progressBar(len(req.People)); bar != nil {
		req.Progress = func(done int) { _ = bar.Set(done) }
		defer func() { _ = bar.Finish(); fmt.Fprintln(e.stderr) }()
	}
	counts, err := store.ImportPeople(ctx, req)
	if err != nil {
		return err
	}
	for _, p := range res.Errors {
		fmt.Fprintf(e.stderr, "%s:%d: skipped: %s\n", name, p.Line, p.Message())
	}
	for _, p := range res.Warnings {
		fmt.Fprintf(e.stderr, "%s:%d: warning: %s\n", name, p.Line, p.Message())
	}
	fmt.Fprintf(e.stdout, "%s → team %q: %d created, %d updated, %d unchanged, %d skipped\n",
		name, t.Name, counts.Created, counts.Updated, counts.Unchanged, len(res.Errors))
	return nil
}

// progressBar returns a bar on stderr when it is a terminal, else nil.
func (e *cli) progressBar(total int) *progressbar.ProgressBar {
	f, ok := e.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || total == 0 {
		return nil
	}
	return progressbar.NewOptions(total, progressbar.OptionSetWriter(io.Writer(f)), progressbar.OptionSetDescription("importing"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("rows"),
		progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
}

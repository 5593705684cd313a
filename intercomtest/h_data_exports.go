package intercomtest

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"net/http"
	"strconv"
	"time"
)

// dataExport is a content data export job. Its status moves on each time a
// client looks at it (pending, in_progress, then completed or no_data), so
// tests that poll finish without waiting.
type dataExport struct {
	id, status    string
	after, before int64
	createdAt     int64
	rows          [][]string // the data, fixed when the job completes
}

func (ws *workspace) dataExport(id string) *dataExport {
	for _, e := range ws.dataExports {
		if e.id == id {
			return e
		}
	}
	return nil
}

func (ws *workspace) dataExportJSON(e *dataExport) obj {
	out := obj{"job_identifier": e.id, "status": e.status, "download_url": "", "download_expires_at": ""}
	if e.status == "completed" {
		out["download_url"] = ws.baseURL + "/download/content/data/" + e.id
		out["download_expires_at"] = time.Unix(ws.unix(), 0).UTC().Add(48 * time.Hour).Format(time.RFC3339)
	}
	return out
}

// advance moves a running job one step on.
func (ws *workspace) advance(e *dataExport) {
	switch e.status {
	case "pending":
		e.status = "in_progress"
	case "in_progress":
		e.rows = ws.exportRows(e.after, e.before)
		e.status = "completed"
		if len(e.rows) == 0 {
			e.status = "no_data"
		}
	}
}

// exportRows are the conversation messages created in [after, before].
func (ws *workspace) exportRows(after, before int64) [][]string {
	var rows [][]string
	for _, cv := range ws.conversations {
		if cv.createdAt >= after && cv.createdAt <= before {
			rows = append(rows, []string{cv.id, cv.id + "0", strconv.FormatInt(cv.createdAt, 10),
				cv.author.kind, cv.author.id, cv.subject, cv.body})
		}
		for _, p := range cv.parts {
			if p.createdAt >= after && p.createdAt <= before {
				rows = append(rows, []string{cv.id, p.id, strconv.FormatInt(p.createdAt, 10),
					p.author.kind, p.author.id, p.partType, p.body})
			}
		}
	}
	return rows
}

func createDataExport(ws *workspace, c *call) reply {
	after, _ := c.num("created_at_after")
	before, _ := c.num("created_at_before")
	if after >= before {
		return c.badParam("created_at_after must be before created_at_before")
	}
	for _, e := range ws.dataExports {
		if e.status == "pending" || e.status == "in_progress" {
			return c.fail(http.StatusTooManyRequests, "rate_limit_exceeded", "Exceeded rate limit of 1 pending message data export jobs")
		}
	}
	e := &dataExport{id: ws.jobID(), status: "pending", after: after, before: before, createdAt: ws.unix()}
	ws.dataExports = append(ws.dataExports, e)
	ws.logActivity(ws.me, "app_data_export", obj{})
	return ok(ws.dataExportJSON(e))
}

// jobID is an export job identifier in Intercom's form: 15 lower-case
// letters and digits.
func (ws *workspace) jobID() string {
	n := ws.nextID("export_job")
	id := []byte("orzzsbd7hk67xyu")
	for i := 0; i < len(n) && i < len(id); i++ {
		id[len(id)-1-i] = n[len(n)-1-i]
	}
	return string(id)
}

func getDataExport(ws *workspace, c *call) reply {
	e := ws.dataExport(c.params["job_identifier"])
	if e == nil {
		return c.notFound("Job")
	}
	ws.advance(e)
	return ok(ws.dataExportJSON(e))
}

func cancelDataExport(ws *workspace, c *call) reply {
	e := ws.dataExport(c.params["job_identifier"])
	if e == nil {
		return c.notFound("Job")
	}
	if e.status == "pending" || e.status == "in_progress" {
		e.status = "canceled"
	}
	return ok(ws.dataExportJSON(e))
}

// downloadDataExport sends a completed job's data as a gzipped CSV file.
func downloadDataExport(ws *workspace, c *call) reply {
	e := ws.dataExport(c.params["job_identifier"])
	if e == nil {
		return c.notFound("Job")
	}
	if e.status != "completed" {
		return c.notFound("Completed job")
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	w := csv.NewWriter(zw)
	w.Write([]string{"conversation_id", "message_id", "created_at", "author_type", "author_id", "type", "body"})
	w.WriteAll(e.rows)
	zw.Close()
	return reply{http.StatusOK, rawBody{buf.Bytes(), "application/octet-stream"}}
}

package intercomtest

import "testing"

// TestExportOfAQuietPeriod: a job over a period without messages ends with
// no_data, and there is nothing to download.
func TestExportOfAQuietPeriod(t *testing.T) {
	w := newHarness(t)
	job := w.call("createDataExport", 200, "POST", "/export/content/data", map[string]any{"created_at_after": 1, "created_at_before": 2})
	id := atStr(job, "job_identifier")
	w.call("createDataExport", 429, "POST", "/export/content/data", map[string]any{"created_at_after": 1, "created_at_before": 2})
	w.call("getDataExport", 200, "GET", "/export/content/data/"+id, nil)
	w.eq("no data", atStr(w.call("getDataExport", 200, "GET", "/export/content/data/"+id, nil), "status"), "no_data")
	w.raw("downloadDataExport", 404, "GET", "/download/content/data/"+id)
	w.eq("a finished job is not canceled", atStr(w.call("cancelDataExport", 200, "POST", "/export/cancel/"+id, nil), "status"), "no_data")
}

package handlers

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is the service's Prometheus registry and the HTTP instruments.
type Metrics struct {
	Registry *prometheus.Registry
	latency  *prometheus.HistogramVec
}

// NewMetrics creates a registry with Go, process and HTTP metrics; extra collectors are added to it.
func NewMetrics(extra ...prometheus.Collector) *Metrics {
	reg := prometheus.NewRegistry()
	lat := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "convene_http_request_duration_seconds",
		Help:    "HTTP request latency by route, method and status.",
		Buckets: []float64{.002, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "method", "status"})
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), lat)
	reg.MustRegister(extra...)
	return &Metrics{Registry: reg, latency: lat}
}

// observe records one request's latency under its route pattern (never the raw path, which may hold a token).
func (m *Metrics) observe(c echo.Context, start time.Time, status int) {
	route := c.Path()
	if route == "" {
		route = "unmatched"
	}
	m.latency.WithLabelValues(route, c.Request().Method, strconv.Itoa(status)).Observe(time.Since(start).Seconds())
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() echo.HandlerFunc {
	return echo.WrapHandler(promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
}

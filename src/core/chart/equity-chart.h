/* equity-chart.h — chart models drawn on any cairo_t (widget, PNG, SVG, PDF, workbook)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "equity-area-set.h"
#include "equity-result.h"

G_BEGIN_DECLS

typedef enum
{
  EQUITY_CHART_BARS,     /* horizontal bars, interval whiskers, reference line */
  EQUITY_CHART_DOTS,     /* dot plot / dumbbell against the reference */
  EQUITY_CHART_MAP,      /* classed choropleth of the areas */
  EQUITY_CHART_TREND,    /* a line over years, with an optional target */
  EQUITY_CHART_SCATTER,  /* points with a least-squares line and r² */
} EquityChartKind;

#define EQUITY_CHART_N_KINDS (EQUITY_CHART_SCATTER + 1)

/* The quantities a row carries, for the scatter chart's axes */
typedef enum
{
  EQUITY_CHART_FIELD_AUTO,
  EQUITY_CHART_FIELD_COUNT,
  EQUITY_CHART_FIELD_POPULATION,
  EQUITY_CHART_FIELD_RATE,
  EQUITY_CHART_FIELD_RATIO,
  EQUITY_CHART_FIELD_ESTIMATE,
  EQUITY_CHART_FIELD_SHARE,
  EQUITY_CHART_FIELD_POPULATION_SHARE,
} EquityChartField;

/* Colours as 0..1 components (GdkRGBA holds floats: convert field by field) */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} EquityChartColor;

/* What the GUI takes from the theme; files use the light style on white. */
typedef struct
{
  EquityChartColor background;
  EquityChartColor foreground;  /* titles, labels, whiskers */
  EquityChartColor muted;       /* subtitles, ticks, notes */
  EquityChartColor grid;
  EquityChartColor accent;      /* bars, dots, lines */
  EquityChartColor highlight;   /* the hovered row */
  EquityChartColor reference;   /* the reference group's bar */
  EquityChartColor comparison;  /* reference line, target line, fit line */
  EquityChartColor border;      /* between map areas */
  EquityChartColor no_data;     /* under the hatching of areas not shown */
  const char      *font_family; /* NULL: "Cantarell, Sans"; the caller's, for one drawing */
  double           font_scale;  /* 1.0; > 1 for larger type */
} EquityChartStyle;

void             equity_chart_style_init_light    (EquityChartStyle *style);
void             equity_chart_style_init_dark     (EquityChartStyle *style);

const char      *equity_chart_kind_to_string      (EquityChartKind   kind);
gboolean         equity_chart_kind_from_string    (const char       *text,
                                                   EquityChartKind  *kind);
/* the kind that suits a result best: a map when it names map geometries */
EquityChartKind  equity_chart_kind_for_result     (EquityResult     *result);

/* A chart is a model: the data and words it shows. How it looks (the style)
 * and what is hovered come with each drawing. equity_chart_draw() keeps the
 * layout it drew (for equity_chart_hit_test() and the map's cached paths):
 * call it from one thread. Files are drawn into a layout of their own and
 * only read the model, so a worker may write one while the window draws. */
#define EQUITY_TYPE_CHART (equity_chart_get_type ())
G_DECLARE_FINAL_TYPE (EquityChart, equity_chart, EQUITY, CHART, GObject)

/* RESULT must be complete: the chart decides once what to draw from it */
EquityChart     *equity_chart_new                 (EquityResult     *result);
EquityResult    *equity_chart_get_result          (EquityChart      *self);
EquityChartKind  equity_chart_get_kind            (EquityChart      *self);
void             equity_chart_set_kind            (EquityChart      *self,
                                                   EquityChartKind   kind);
/* overrides of the result's title, units line and source note; NULL: the result's */
const char      *equity_chart_get_title           (EquityChart      *self);
void             equity_chart_set_title           (EquityChart      *self,
                                                   const char       *title);
const char      *equity_chart_get_subtitle        (EquityChart      *self);
void             equity_chart_set_subtitle        (EquityChart      *self,
                                                   const char       *subtitle);
const char      *equity_chart_get_source_note     (EquityChart      *self);
void             equity_chart_set_source_note     (EquityChart      *self,
                                                   const char       *note);

/* TREND: a horizontal target line (NAN: none), or a target for each year */
void             equity_chart_set_target          (EquityChart      *self,
                                                   double            target);
void             equity_chart_set_targets         (EquityChart      *self,
                                                   const double     *years,
                                                   const double     *targets,
                                                   guint             n_targets);
/* TREND: the baseline year, marked with a dashed line labelled "Baseline" (NAN: none) */
void             equity_chart_set_baseline        (EquityChart      *self,
                                                   double            x);
double           equity_chart_get_baseline        (EquityChart      *self);
/* SCATTER: what the axes show (AUTO picks from the result), and their titles */
void             equity_chart_set_scatter_fields  (EquityChart      *self,
                                                   EquityChartField  x,
                                                   EquityChartField  y);
void             equity_chart_set_axis_titles     (EquityChart      *self,
                                                   const char       *x_title,
                                                   const char       *y_title);

/* MAP: draws the polygons of AREAS (equity_dataset_load_areas()) and matches
 * the result's row labels to their keys. Coordinates are copied and
 * projected once here: AREAS may go afterwards. */
void             equity_chart_set_areas           (EquityChart      *self,
                                                   const EquityAreaSet *areas);
guint            equity_chart_get_n_areas         (EquityChart      *self);
/* areas whose key matched a row of the result */
guint            equity_chart_get_n_matched_areas (EquityChart      *self);

/* Draws the whole chart in the rectangle (0, 0, WIDTH, HEIGHT) of CR's user
 * space in STYLE (NULL: the light style), HIGHLIGHTED_ROW (hover; -1: none)
 * in the highlight colour, and remembers the layout for equity_chart_hit_test(). */
void             equity_chart_draw                (EquityChart      *self,
                                                   cairo_t          *cr,
                                                   double            width,
                                                   double            height,
                                                   const EquityChartStyle *style,
                                                   int               highlighted_row);
/* Device pixels per unit of the cairo_t equity_chart_draw() is given, when
 * its target does not say (a widget's recording on a 2× display): details
 * and the picture kept for hovering are made for that resolution. */
void             equity_chart_set_scale_factor    (EquityChart      *self,
                                                   double            scale_factor);
/* The result row under (X, Y) in the last drawn layout. */
gboolean         equity_chart_hit_test            (EquityChart      *self,
                                                   double            x,
                                                   double            y,
                                                   guint            *row_index);
/* "4,452 arrests, 9,938 residents, 448.0 per 1,000 (435–461), 3.11× White (3.01–3.22)" */
char            *equity_chart_dup_row_summary     (EquityChart      *self,
                                                   guint             row_index);
/* a sentence or two for screen readers */
char            *equity_chart_dup_description     (EquityChart      *self);

/* Writes PNG, SVG or PDF, chosen by PATH's extension; atomically replaces PATH.
 * STYLE NULL: the light style, as print wants. Nothing is highlighted, and
 * the layout of the last equity_chart_draw() is left as it was. */
gboolean         equity_chart_save                (EquityChart      *self,
                                                   const char       *path,
                                                   int               width,
                                                   int               height,
                                                   const EquityChartStyle *style,
                                                   GError          **error);
GBytes          *equity_chart_to_png_bytes        (EquityChart      *self,
                                                   int               width,
                                                   int               height,
                                                   const EquityChartStyle *style,
                                                   GError          **error);

G_END_DECLS

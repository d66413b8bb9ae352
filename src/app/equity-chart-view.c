/* equity-chart-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "equity-chart-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "equity-chart-view.h"

/* libadwaita's .card corners */
#define CARD_RADIUS 12.0
/* the body text of a chart on screen, about that of the window around it */
#define UI_TEXT_PX 14.0

struct _EquityChartView
{
  GtkWidget         parent_instance;

  EquityChart      *chart;
  EquityChartStyle  style;         /* the theme's, with text sized for the window */
  int               hovered_row;
  char             *hover_text;
  gboolean          drawn;
};

G_DEFINE_FINAL_TYPE (EquityChartView, equity_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_HOVER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
color_from_rgba (const GdkRGBA    *rgba,
                 EquityChartColor *color)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

static void
lookup_color (GtkStyleContext  *context,
              const char       *name,
              EquityChartColor *color)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    color_from_rgba (&rgba, color);
}

void
equity_chart_view_get_style (EquityChartView  *self,
                             EquityChartStyle *style)
{
  GtkStyleContext *context;

  g_return_if_fail (EQUITY_IS_CHART_VIEW (self));
  g_return_if_fail (style != NULL);

  /* The marks keep the chart's colour-blind-safe palette for the style;
   * the paper and the ink come from the theme, so the chart sits on the
   * page like any other view. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    equity_chart_style_init_dark (style);
  else
    equity_chart_style_init_light (style);

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  lookup_color (context, "view_bg_color", &style->background);
  lookup_color (context, "view_bg_color", &style->border);
  lookup_color (context, "view_fg_color", &style->foreground);
}

static gboolean
same_colors (const EquityChartStyle *a,
             const EquityChartStyle *b)
{
  const EquityChartColor *x[] = { &a->background, &a->foreground, &a->muted, &a->grid, &a->accent,
                                  &a->highlight, &a->reference, &a->comparison, &a->border, &a->no_data };
  const EquityChartColor *y[] = { &b->background, &b->foreground, &b->muted, &b->grid, &b->accent,
                                  &b->highlight, &b->reference, &b->comparison, &b->border, &b->no_data };

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    if (x[i]->red != y[i]->red || x[i]->green != y[i]->green
        || x[i]->blue != y[i]->blue || x[i]->alpha != y[i]->alpha)
      return FALSE;

  return TRUE;
}

/* The style changes with the theme only: hovering the widget changes its
 * CSS state too, and a chart laid out again for nothing would be wasted. */
static void
equity_chart_view_restyle (EquityChartView *self)
{
  EquityChartStyle style;

  if (self->chart == NULL)
    return;

  equity_chart_view_get_style (self, &style);
  if (same_colors (&style, &self->style))
    return;

  /* the text size follows the widget's size, not the theme */
  style.font_scale = self->style.font_scale;
  self->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
equity_chart_view_update_accessible (EquityChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->chart != NULL)
    {
      title = equity_chart_get_title (self->chart);
      if (title == NULL)
        title = equity_result_get_title (equity_chart_get_result (self->chart));
      g_autofree char *summary = equity_chart_dup_description (self->chart);

      /* the page puts the result's table next to every chart */
      description = g_strdup_printf ("%s %s", summary != NULL ? summary : "",
                                     _("The same figures are in the table."));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No chart yet"),
                                  -1);
}

static void
equity_chart_view_set_hovered_row (EquityChartView *self,
                                   int              row)
{
  g_autofree char *text = NULL;

  if (row == self->hovered_row)
    return;

  self->hovered_row = row;
  if (self->chart != NULL)
    {
      if (row >= 0)
        {
          EquityResult *result = equity_chart_get_result (self->chart);
          g_autofree char *summary = equity_chart_dup_row_summary (self->chart, (guint) row);

          /* a map has no labels beside its areas: the tooltip says which one */
          /* TRANSLATORS: a chart's tooltip, "Census Tract 1: 394 of 1,358 residents, …" */
          text = g_strdup_printf (_("%s: %s"),
                                  equity_result_row_get_name (equity_result_get_row (result, (guint) row)),
                                  summary);
        }
    }

  g_free (self->hover_text);
  self->hover_text = g_steal_pointer (&text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->hover_text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_TEXT]);
}

static void
motion_cb (EquityChartView          *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint row;

  if (self->chart != NULL && self->drawn && equity_chart_hit_test (self->chart, x, y, &row))
    equity_chart_view_set_hovered_row (self, (int) row);
  else
    equity_chart_view_set_hovered_row (self, -1);
}

static void
leave_cb (EquityChartView          *self,
          GtkEventControllerMotion *controller)
{
  equity_chart_view_set_hovered_row (self, -1);
}

static void
dark_changed_cb (EquityChartView *self)
{
  equity_chart_view_restyle (self);
}

/* A chart's text grows with the picture and is never under 12 px, which
 * suits a slide; in the window it should read like the text around it. */
static void
equity_chart_view_fit_text (EquityChartView *self,
                            int              width,
                            int              height)
{
  double base = MAX (MIN (width, height) * 0.028, 12.0);

  self->style.font_scale = MAX (1.0, UI_TEXT_PX / base);
}

static void
equity_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  EquityChartView *self = EQUITY_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  equity_chart_view_fit_text (self, width, height);

  /* In a .card, the picture keeps the card's rounded corners. */
  if (gtk_widget_has_css_class (widget, "card"))
    {
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), CARD_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* the recording GTK replays at the display's scale: detail and the
   * picture kept for hovering are made for it */
  equity_chart_set_scale_factor (self->chart, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  equity_chart_draw (self->chart, cr, width, height, &self->style, self->hovered_row);
  cairo_destroy (cr);
  self->drawn = TRUE;

  if (gtk_widget_has_css_class (widget, "card"))
    gtk_snapshot_pop (snapshot);
}

static void
equity_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else
    {
      *minimum = 220;
      *natural = 440;
    }
}

static void
equity_chart_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (equity_chart_view_parent_class)->css_changed (widget, change);
  equity_chart_view_restyle (EQUITY_CHART_VIEW (widget));
}

static void
equity_chart_view_dispose (GObject *object)
{
  EquityChartView *self = EQUITY_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->hover_text, g_free);

  G_OBJECT_CLASS (equity_chart_view_parent_class)->dispose (object);
}

static void
equity_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EquityChartView *self = EQUITY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_HOVER_TEXT:
      g_value_set_string (value, self->hover_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EquityChartView *self = EQUITY_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      equity_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
equity_chart_view_class_init (EquityChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = equity_chart_view_dispose;
  object_class->get_property = equity_chart_view_get_property;
  object_class->set_property = equity_chart_view_set_property;

  widget_class->snapshot = equity_chart_view_snapshot;
  widget_class->measure = equity_chart_view_measure;
  widget_class->css_changed = equity_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         EQUITY_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_TEXT] =
    g_param_spec_string ("hover-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
equity_chart_view_init (EquityChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hovered_row = -1;
  equity_chart_style_init_light (&self->style);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  equity_chart_view_update_accessible (self);
}

GtkWidget *
equity_chart_view_new (void)
{
  return g_object_new (EQUITY_TYPE_CHART_VIEW, NULL);
}

EquityChart *
equity_chart_view_get_chart (EquityChartView *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
equity_chart_view_set_chart (EquityChartView *self,
                             EquityChart     *chart)
{
  g_return_if_fail (EQUITY_IS_CHART_VIEW (self));
  g_return_if_fail (!chart || EQUITY_IS_CHART (chart));

  if (self->chart == chart)
    return;

  equity_chart_view_set_hovered_row (self, -1);
  g_set_object (&self->chart, chart);
  self->drawn = FALSE;
  equity_chart_view_restyle (self);
  equity_chart_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

void
equity_chart_view_refresh (EquityChartView *self)
{
  g_return_if_fail (EQUITY_IS_CHART_VIEW (self));

  equity_chart_view_set_hovered_row (self, -1);
  self->drawn = FALSE;
  equity_chart_view_restyle (self);
  equity_chart_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
equity_chart_view_get_hovered_row (EquityChartView *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART_VIEW (self), -1);

  return self->hovered_row;
}

const char *
equity_chart_view_get_hover_text (EquityChartView *self)
{
  g_return_val_if_fail (EQUITY_IS_CHART_VIEW (self), NULL);

  return self->hover_text;
}

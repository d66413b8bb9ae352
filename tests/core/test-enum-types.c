/* test-enum-types.c — the public enums have GTypes (gnome.mkenums_simple)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "equity-core.h"

static void
test_enum_nicks (void)
{
  g_autoptr(GEnumClass) column_types = g_type_class_ref (EQUITY_TYPE_COLUMN_TYPE);
  g_autoptr(GEnumClass) roles = g_type_class_ref (EQUITY_TYPE_COLUMN_ROLE);
  g_autoptr(GEnumClass) errors = g_type_class_ref (EQUITY_TYPE_ERROR);
  g_autoptr(GEnumClass) chart_kinds = g_type_class_ref (EQUITY_TYPE_CHART_KIND);
  g_autoptr(GFlagsClass) field_flags = g_type_class_ref (EQUITY_TYPE_FIELD_FLAGS);

  g_assert_cmpint (g_enum_get_value_by_nick (column_types, "geometry")->value, ==,
                   EQUITY_COLUMN_TYPE_GEOMETRY);
  g_assert_cmpint (g_enum_get_value_by_nick (roles, "population")->value, ==,
                   EQUITY_COLUMN_ROLE_POPULATION);
  g_assert_cmpint (g_enum_get_value_by_nick (errors, "not-found")->value, ==,
                   EQUITY_ERROR_NOT_FOUND);
  g_assert_cmpint (g_enum_get_value_by_nick (chart_kinds, "scatter")->value, ==,
                   EQUITY_CHART_SCATTER);
  g_assert_cmpuint (g_flags_get_value_by_nick (field_flags, "geometry")->value, ==,
                    EQUITY_FIELD_GEOMETRY);
  g_assert_true (G_TYPE_IS_ENUM (EQUITY_TYPE_GEOMETRY_TYPE));
  g_assert_true (G_TYPE_IS_ENUM (EQUITY_TYPE_CHOICE_ORDER));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/types/enums", test_enum_nicks);

  return g_test_run ();
}

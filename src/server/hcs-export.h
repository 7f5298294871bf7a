/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports: every listing route answers `Accept: text/csv` and the XLSX media
 * type with its whole result, same filters, same masking, audited. */
#pragma once

#include "hcs-export-writer.h"
#include "hcs-router.h"

G_BEGIN_DECLS

HcsExportFormat hcs_export_negotiate (HcsRequest     *request);
void            hcs_export_run       (HcsRequest     *request,
                                      const HcsRoute *route,
                                      HcsExportFormat format);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libhncredit-core: what the server and the app share. No GTK, no server. */
#pragma once

#include "hc-enums.h"
#include "hc-id-number.h"
#include "hc-indicator.h"
#include "hc-input.h"
#include "hc-region.h"
#include "hc-uscc.h"

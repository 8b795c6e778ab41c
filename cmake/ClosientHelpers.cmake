# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# closient_add_test(NAME <name> SOURCES ... LIBS ... LABELS ... [TIMEOUT s])
# One Qt Test executable per class; every test runs offscreen with the GStreamer media backend.
function(closient_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test closient_testsupport ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_MEDIA_BACKEND=gstreamer;CLOSIENT_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data;CLOSIENT_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
endfunction()

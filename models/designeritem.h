// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

namespace closient::models {

class DesignerController;

/**
 * The designer's current object (the first selected) as typed properties for the properties panel. Reading gives
 * the layout's values; writing is an edit of the layout, one step to undo (typing in a field is one step).
 */
class DesignerItem : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by DesignerController")
    Q_PROPERTY(bool present READ present NOTIFY changed)
    Q_PROPERTY(QString objectId READ objectId WRITE setObjectId NOTIFY changed)
    Q_PROPERTY(int type READ type NOTIFY changed) // DesignerObjectModel.Type
    Q_PROPERTY(double x READ x WRITE setX NOTIFY changed)
    Q_PROPERTY(double y READ y WRITE setY NOTIFY changed)
    Q_PROPERTY(double width READ width WRITE setWidth NOTIFY changed)
    Q_PROPERTY(double height READ height WRITE setHeight NOTIFY changed)
    Q_PROPERTY(int rotation READ rotation WRITE setRotation NOTIFY changed)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    Q_PROPERTY(closient::models::DesignerItem::Font font READ font WRITE setFont NOTIFY changed)
    Q_PROPERTY(double fontSize READ fontSize WRITE setFontSize NOTIFY changed)
    Q_PROPERTY(double minFontSize READ minFontSize WRITE setMinFontSize NOTIFY changed)
    Q_PROPERTY(bool bold READ bold WRITE setBold NOTIFY changed)
    Q_PROPERTY(closient::models::DesignerItem::HAlign align READ align WRITE setAlign NOTIFY changed)
    Q_PROPERTY(closient::models::DesignerItem::VAlign valign READ valign WRITE setValign NOTIFY changed)
    Q_PROPERTY(closient::models::DesignerItem::Fit fit READ fit WRITE setFit NOTIFY changed)
    Q_PROPERTY(bool required READ required WRITE setRequired NOTIFY changed)
    Q_PROPERTY(int symbology READ symbology WRITE setSymbology NOTIFY changed) // DesignerController.Symbology
    Q_PROPERTY(QString elements READ elements WRITE setElements NOTIFY changed)
    Q_PROPERTY(bool humanReadable READ humanReadable WRITE setHumanReadable NOTIFY changed)
    Q_PROPERTY(double stroke READ stroke WRITE setStroke NOTIFY changed)
    Q_PROPERTY(bool filled READ filled WRITE setFilled NOTIFY changed)
    Q_PROPERTY(double cornerRadius READ cornerRadius WRITE setCornerRadius NOTIFY changed)
    Q_PROPERTY(bool keepAspect READ keepAspect WRITE setKeepAspect NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(bool blocking READ blocking NOTIFY changed)

public:
    enum class Font { Sans, OcrB, Mono };
    Q_ENUM(Font)
    enum class HAlign { Left, Centre, Right };
    Q_ENUM(HAlign)
    enum class VAlign { Top, Middle, Bottom };
    Q_ENUM(VAlign)
    enum class Fit { Shrink, Wrap };
    Q_ENUM(Fit)

    explicit DesignerItem(DesignerController *controller);

    [[nodiscard]] bool present() const;
    [[nodiscard]] QString objectId() const;
    void setObjectId(const QString &id);
    [[nodiscard]] int type() const;
    [[nodiscard]] double x() const;
    void setX(double v);
    [[nodiscard]] double y() const;
    void setY(double v);
    [[nodiscard]] double width() const;
    void setWidth(double v);
    [[nodiscard]] double height() const;
    void setHeight(double v);
    [[nodiscard]] int rotation() const;
    void setRotation(int degrees);
    [[nodiscard]] QString text() const;
    void setText(const QString &text);
    [[nodiscard]] Font font() const;
    void setFont(Font f);
    [[nodiscard]] double fontSize() const;
    void setFontSize(double pt);
    [[nodiscard]] double minFontSize() const;
    void setMinFontSize(double pt);
    [[nodiscard]] bool bold() const;
    void setBold(bool on);
    [[nodiscard]] HAlign align() const;
    void setAlign(HAlign a);
    [[nodiscard]] VAlign valign() const;
    void setValign(VAlign a);
    [[nodiscard]] Fit fit() const;
    void setFit(Fit f);
    [[nodiscard]] bool required() const;
    void setRequired(bool on);
    [[nodiscard]] int symbology() const;
    void setSymbology(int s);
    /// One element a line, "01 {gtin}"; empty = the symbology's default elements.
    [[nodiscard]] QString elements() const;
    void setElements(const QString &lines);
    [[nodiscard]] bool humanReadable() const;
    void setHumanReadable(bool on);
    [[nodiscard]] double stroke() const;
    void setStroke(double mm);
    [[nodiscard]] bool filled() const;
    void setFilled(bool on);
    [[nodiscard]] double cornerRadius() const;
    void setCornerRadius(double mm);
    [[nodiscard]] bool keepAspect() const;
    void setKeepAspect(bool on);
    [[nodiscard]] QString problem() const;
    /// Whether the problem stops the label (else it is a note).
    [[nodiscard]] bool blocking() const;

    /// Puts @p field ("{lot}") into the text at @p position (characters), as one step to undo.
    Q_INVOKABLE void insertField(const QString &field, int position);

Q_SIGNALS:
    void changed();

private:
    DesignerController *m_controller;
};

} // namespace closient::models

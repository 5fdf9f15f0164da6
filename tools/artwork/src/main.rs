//! Command line of the artwork tool: regenerates the sample product's layers from
//! the hand-written SVG sources, or previews them tinted with chosen colors.
//!
//! With no arguments every view listed in [`VIEWS`] is rendered into
//! `static/products/runner-one/<view>/` under the workspace root. With
//! `--preview <out.png>` the layers already on disk are composited instead, so the
//! preview shows exactly what the configurator will get.

mod layers;
mod preview;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// One view of the product: its SVG source (next to this crate's manifest) and the
/// zone ids it defines, in paint order from bottom to top.
pub struct View {
    /// Directory name of the view under the product's static folder.
    pub name: &'static str,
    /// File name of the SVG source, relative to this crate's directory.
    pub source: &'static str,
    /// Zone ids in paint order (bottom first); each needs `zone-<id>-shade` and
    /// `zone-<id>-gloss` groups in the source.
    pub zones: &'static [&'static str],
}

/// The views of "Runner One". Both use the same zones so a shopper's choice maps
/// onto every view.
pub const VIEWS: &[View] = &[
    View {
        name: "side",
        source: "sneaker-side.svg",
        zones: &["sole", "heel", "quarter", "toe", "logo", "laces"],
    },
    View {
        name: "top",
        source: "sneaker-top.svg",
        zones: &["sole", "heel", "quarter", "toe", "logo", "laces"],
    },
];

/// Where the generated layers of one view go, relative to the workspace root.
fn view_dir(root: &Path, view: &View) -> PathBuf {
    root.join("static/products/runner-one").join(view.name)
}

/// The tool lives at `tools/artwork`, so the workspace root is two levels up from
/// its manifest; this keeps the output location independent of the working directory.
fn workspace_root() -> Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize()
        .with_context(|| format!("finding the workspace root at {}", root.display()))
}

fn usage() -> &'static str {
    "usage: atelier-artwork                      regenerate all layers\n       \
     atelier-artwork --preview OUT.png [--view side|top|both] [ZONE=#RRGGBB ...]\n       \
     (ZONE may also be `all` to set every zone at once)"
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    match args.first().map(String::as_str) {
        None => {
            for view in VIEWS {
                let src = crate_dir.join(view.source);
                let out = view_dir(&root, view);
                layers::render_view(&src, view.zones, &out)
                    .with_context(|| format!("rendering view `{}`", view.name))?;
                println!("wrote {}", out.display());
            }
            Ok(())
        }
        Some("--preview") => {
            let out = args.get(1).context(usage())?;
            let mut which = "both";
            let mut colors = Vec::new();
            let mut rest = args[2..].iter();
            while let Some(arg) = rest.next() {
                if arg == "--view" {
                    which = rest.next().context(usage())?;
                } else {
                    colors.push(preview::parse_assignment(arg)?);
                }
            }
            let views: Vec<&View> = VIEWS
                .iter()
                .filter(|v| which == "both" || v.name == which)
                .collect();
            if views.is_empty() {
                bail!("unknown view `{which}`\n{}", usage());
            }
            let dirs: Vec<(PathBuf, &View)> =
                views.into_iter().map(|v| (view_dir(&root, v), v)).collect();
            preview::render(&dirs, &colors, Path::new(out))
        }
        Some(_) => bail!("{}", usage()),
    }
}

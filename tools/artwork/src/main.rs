//! Command line of the artwork tool: regenerates the sample products' layers from
//! the hand-written SVG sources, or previews them tinted with chosen colors.
//!
//! With no arguments every view of every product in [`products::PRODUCTS`] is
//! rendered into `static/products/<product>/<view>/` under the workspace root; with
//! product ids, only those products. With `--preview <out.png>` the layers already on
//! disk are composited instead, so the preview shows exactly what the configurator
//! will get. Which views and zones exist is data in `products.rs`, not here.

mod layers;
mod preview;
mod products;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use products::{PRODUCTS, Product, View};

/// Where the generated layers of one view go, relative to the workspace root.
fn view_dir(root: &Path, product: &Product, view: &View) -> PathBuf {
    root.join("static/products")
        .join(product.id)
        .join(view.name)
}

/// The tool lives at `tools/artwork`, so the workspace root is two levels up from
/// its manifest; this keeps the output location independent of the working directory.
fn workspace_root() -> Result<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize()
        .with_context(|| format!("finding the workspace root at {}", root.display()))
}

fn usage() -> &'static str {
    "usage: atelier-artwork [PRODUCT ...]        regenerate the layers (default: every product)\n       \
     atelier-artwork --preview OUT.png [--product ID] [--view NAME|all] [ZONE=#RRGGBB[@GLOSS] ...]\n       \
     (ZONE may also be `all`; GLOSS is the material's 0-100 gloss, default 45;\n        \
     --product defaults to runner-one)"
}

fn product(id: &str) -> Result<&'static Product> {
    products::find(id).with_context(|| format!("unknown product `{id}`\n{}", usage()))
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    if args.first().map(String::as_str) == Some("--preview") {
        let out = args.get(1).context(usage())?;
        let mut which = "all";
        let mut product_id = "runner-one";
        let mut colors = Vec::new();
        let mut rest = args[2..].iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--view" => which = rest.next().context(usage())?,
                "--product" => product_id = rest.next().context(usage())?,
                _ => colors.push(preview::parse_assignment(arg)?),
            }
        }
        let product = product(product_id)?;
        // `both` is what the sneaker's two views were once asked for with.
        let all = which == "all" || which == "both";
        let dirs: Vec<(PathBuf, &View)> = product
            .views
            .iter()
            .filter(|v| all || v.name == which)
            .map(|v| (view_dir(&root, product, v), v))
            .collect();
        if dirs.is_empty() {
            bail!("`{}` has no view `{which}`\n{}", product.id, usage());
        }
        return preview::render(&dirs, &colors, Path::new(out));
    }
    if args.iter().any(|a| a.starts_with('-')) {
        bail!("{}", usage());
    }
    let chosen: Vec<&Product> = if args.is_empty() {
        PRODUCTS.iter().collect()
    } else {
        args.iter().map(|id| product(id)).collect::<Result<_>>()?
    };
    for product in chosen {
        for view in product.views {
            let src = crate_dir.join(view.source);
            let out = view_dir(&root, product, view);
            layers::render_view(&src, view.zones, &out)
                .with_context(|| format!("rendering `{}` view `{}`", product.id, view.name))?;
            println!("wrote {}", out.display());
        }
    }
    Ok(())
}
